export function ProjectPage() {
  return <h1 className="text-xl font-semibold">Project</h1>;
}
