export function InboxPage() {
  return <h1 className="text-xl font-semibold">Inbox</h1>;
}
