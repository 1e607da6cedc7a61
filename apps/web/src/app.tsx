import { ServerStatus } from "./server-status.tsx";

export function App() {
  return (
    <main className="app">
      <h1>AgendaCraft</h1>
      <ServerStatus />
    </main>
  );
}
