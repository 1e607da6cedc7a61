import type { DeadLetter } from "@agendacraft/db/jobs";

const ERROR_WIDTH = 60;
const DATA_WIDTH = 60;

/** One line per dead letter under a header, columns aligned: id, queue, when, last error, data. */
export function formatDeadLetters(letters: readonly DeadLetter[]): string[] {
  const rows = letters.map((letter) => [
    letter.id,
    letter.queue,
    letter.failedAt.toISOString().replace(/\.\d{3}Z$/, "Z"),
    truncate(oneLine(letter.lastError ?? "-"), ERROR_WIDTH),
    truncate(letter.data === undefined ? "-" : JSON.stringify(letter.data), DATA_WIDTH),
  ]);
  const header = ["ID", "QUEUE", "FAILED AT", "LAST ERROR", "DATA"];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join("  ");
  return [line(header), ...rows.map(line)];
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}
