import { describe, expect, it } from "vitest";
import { groupProjectsByArea } from "./group-projects-by-area.ts";

describe("groupProjectsByArea", () => {
  it("puts projects under their areas in the areas' order, then the ones without an area", () => {
    const areas = [{ id: "home" }, { id: "work" }, { id: "empty" }];
    const projects = [
      { name: "Taxes", areaId: "home" },
      { name: "Launch", areaId: "work" },
      { name: "Loose", areaId: null },
      { name: "Garden", areaId: "home" },
    ];
    const groups = groupProjectsByArea(areas, projects);
    expect(groups.map((group) => [group.area?.id ?? null, group.projects.map((p) => p.name)])).toEqual([
      ["home", ["Taxes", "Garden"]],
      ["work", ["Launch"]],
      ["empty", []],
      [null, ["Loose"]],
    ]);
  });

  it("keeps a project of an area it does not know out of every group", () => {
    const groups = groupProjectsByArea([{ id: "home" }], [{ areaId: "elsewhere" }]);
    expect(groups.flatMap((group) => group.projects)).toEqual([]);
  });
});
