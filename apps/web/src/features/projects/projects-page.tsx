export function ProjectsPage() {
  return <h1 className="text-xl font-semibold">Projects</h1>;
}
