/**
 * Todoist's named project colours (its API sends the name, e.g. "berry_red") as the hex values
 * Todoist's apps show, so an imported project keeps its colour here.
 */
const TODOIST_COLORS: Record<string, string> = {
  berry_red: "#B8256F",
  red: "#DB4035",
  orange: "#FF9933",
  yellow: "#FAD000",
  olive_green: "#AFB83B",
  lime_green: "#7ECC49",
  green: "#299438",
  mint_green: "#6ACCBC",
  teal: "#158FAD",
  sky_blue: "#14AAF5",
  light_blue: "#96C3EB",
  blue: "#4073FF",
  grape: "#884DFF",
  violet: "#AF38EB",
  lavender: "#EB96EB",
  magenta: "#E05194",
  salmon: "#FF8D85",
  charcoal: "#808080",
  grey: "#B8B8B8",
  taupe: "#CCAC93",
};

/** The hex colour for a Todoist colour name; undefined for a name Todoist added since (the default colour then). */
export function todoistColorHex(name: string | null | undefined): string | undefined {
  return name ? TODOIST_COLORS[name] : undefined;
}
