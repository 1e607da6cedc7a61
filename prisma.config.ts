// Read by the Prisma CLI (`prisma generate`, and `prisma migrate` on machines that
// can download its engine). Our own offline tooling in packages/db reads the same paths.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: {
    url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/agendacraft",
  },
});
