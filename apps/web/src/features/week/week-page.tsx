export function WeekPage() {
  return <h1 className="text-xl font-semibold">Week</h1>;
}
