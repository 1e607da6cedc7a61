import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ENV_VARIABLE_NAMES } from "./env.ts";

const README = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");

/** The variable names in the first table of the README's "## Configuration" section (the server's). */
function serverTableVariables(markdown: string): string[] {
  const section = markdown.split(/^## /m).find((part) => part.startsWith("Configuration\n"));
  if (!section) throw new Error('README.md has no "## Configuration" section');
  const lines = section.split("\n");
  const start = lines.findIndex((line) => line.startsWith("|"));
  const end = lines.findIndex((line, index) => index > start && !line.startsWith("|"));
  // Header and separator rows first; each row's first cell is the name in backticks.
  return lines.slice(start + 2, end).map((row) => row.split("|")[1]?.trim().replaceAll("`", "") ?? "");
}

describe("the README's Configuration table", () => {
  const documented = serverTableVariables(README);

  it("documents every variable env.ts reads", () => {
    expect(ENV_VARIABLE_NAMES.filter((name) => !documented.includes(name))).toEqual([]);
  });

  it("documents no variable env.ts does not read, and each once", () => {
    expect(documented.filter((name) => !ENV_VARIABLE_NAMES.includes(name))).toEqual([]);
    expect(documented.filter((name, index) => documented.indexOf(name) !== index)).toEqual([]);
  });
});
