import { ZSecretKeyListVariable, ZSecretKeyVariable } from "@agendacraft/domain/shared";

export type SecretsEnv = {
  databaseUrl: string | undefined;
  dataDir: string | undefined;
  authSecret: string | undefined;
  secretsKey: Buffer | undefined;
  previousKeys: Buffer[];
};

/**
 * What `pnpm secrets` reads: the server's database and key variables, checked by the
 * same rules as the server's env.ts. A bad value fails with the variable's name, never its value.
 */
export function readSecretsEnv(source: NodeJS.ProcessEnv = process.env): SecretsEnv {
  const authSecret = source.AUTH_SECRET || undefined;
  if (authSecret !== undefined && authSecret.length < 32) {
    throw new Error("Invalid environment variable AUTH_SECRET: must be at least 32 characters");
  }
  return {
    databaseUrl: source.DATABASE_URL || undefined,
    dataDir: source.DATA_DIR || undefined,
    authSecret,
    secretsKey: parse("SECRETS_KEY", ZSecretKeyVariable, source.SECRETS_KEY),
    previousKeys: parse("SECRETS_PREVIOUS_KEYS", ZSecretKeyListVariable, source.SECRETS_PREVIOUS_KEYS),
  };
}

type Schema<T> = {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } };
};

function parse<T>(name: string, schema: Schema<T>, value: string | undefined): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new Error(`Invalid environment variable ${name}: ${result.error.issues[0]?.message ?? "invalid"}`);
}
