export function PlannersPage() {
  return <h1 className="text-xl font-semibold">Planners</h1>;
}
