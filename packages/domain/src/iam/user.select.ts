import type { Prisma } from "@agendacraft/db/prisma";
import type { UserDto } from "./schemas.ts";

export const userSelect = {
  id: true,
  email: true,
  name: true,
  timeZone: true,
  createdAt: true,
  // Only whether one exists: an account made with Google has no password until the person sets one.
  accounts: { where: { providerId: "credential" }, select: { id: true }, take: 1 },
} satisfies Prisma.UserSelect;

type UserRow = Prisma.UserGetPayload<{ select: typeof userSelect }>;

export function toUserDto({ accounts, ...user }: UserRow): UserDto {
  return { ...user, hasPassword: accounts.length > 0 };
}
