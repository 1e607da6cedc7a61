import { Link } from "react-router";

export function NotFoundPage() {
  return (
    <div className="flex flex-col gap-2">
      <h1 className="text-xl font-semibold">Page not found</h1>
      <p className="text-sm text-slate-600">
        There is nothing at this address.{" "}
        <Link className="text-indigo-700 underline" to="/inbox">
          Go to the inbox
        </Link>
      </p>
    </div>
  );
}
