import { newSubject } from "./ids.ts";

/** A Google account of the fake: who signs in, and whose calendars are served. */
export type FakeAccount = {
  /** The stable Google account id (`sub` in id_tokens and userinfo). */
  sub: string;
  email: string;
  name: string;
  picture: string;
};

export type NewAccount = { email: string; name?: string; picture?: string };

export class Accounts {
  readonly #byEmail = new Map<string, FakeAccount>();

  /** Adds an account, or returns the existing one with that email (its name updated when given). */
  add(input: NewAccount): { account: FakeAccount; created: boolean } {
    const email = input.email.trim().toLowerCase();
    const existing = this.#byEmail.get(email);
    if (existing) {
      if (input.name) existing.name = input.name;
      if (input.picture) existing.picture = input.picture;
      return { account: existing, created: false };
    }
    const account: FakeAccount = {
      sub: newSubject(),
      email,
      name: input.name ?? defaultName(email),
      picture: input.picture ?? `https://lh3.googleusercontent.com/a/${encodeURIComponent(email)}=s96-c`,
    };
    this.#byEmail.set(email, account);
    return { account, created: true };
  }

  find(email: string): FakeAccount | undefined {
    return this.#byEmail.get(email.trim().toLowerCase());
  }

  get(email: string): FakeAccount {
    const account = this.find(email);
    if (!account) throw new Error(`The fake Google has no account ${email}; add it with addAccount first.`);
    return account;
  }

  all(): FakeAccount[] {
    return [...this.#byEmail.values()];
  }
}

function defaultName(email: string): string {
  const local = email.split("@")[0] ?? email;
  return local
    .split(/[._-]+/)
    .filter(Boolean)
    .map((word) => word[0]?.toUpperCase() + word.slice(1))
    .join(" ");
}
