import { constants, copyFile, mkdir, readdir } from "node:fs/promises";
import { join, relative } from "node:path";

const PARALLEL_COPIES = 16;

/**
 * Copies the directory `from` to `to` (which must not exist), many files at once: a PGlite
 * data directory is about 1,200 small files, which fs.cp copies one after another in about
 * twice the time. Copy-on-write where the file system offers it.
 */
export async function copyDirectory(from: string, to: string): Promise<void> {
  const entries = await readdir(from, { withFileTypes: true, recursive: true });
  const inside = (entry: (typeof entries)[number]) => relative(from, join(entry.parentPath, entry.name));
  await mkdir(to);
  // Sorted, so each folder comes after its parent.
  for (const dir of entries
    .filter((entry) => entry.isDirectory())
    .map(inside)
    .sort()) {
    await mkdir(join(to, dir));
  }
  const files = entries.filter((entry) => entry.isFile()).map(inside);
  let next = 0;
  const copyNext = async () => {
    while (next < files.length) {
      const file = files[next++] as string;
      await copyFile(join(from, file), join(to, file), constants.COPYFILE_FICLONE);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_COPIES }, copyNext));
}
