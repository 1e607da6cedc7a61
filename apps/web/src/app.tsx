import { RouterProvider } from "react-router";
import { Toaster } from "sonner";

type AppProps = { router: Parameters<typeof RouterProvider>[0]["router"] };

/** The routed app plus the toast area every page reports into. */
export function App({ router }: AppProps) {
  return (
    <>
      <RouterProvider router={router} />
      {/* Plain (not richColors) toasts: the coloured variants fall short of WCAG AA contrast. */}
      {/* On a phone the toasts sit above the bottom tab bar (layout/app-layout.tsx). */}
      <Toaster position="bottom-center" closeButton mobileOffset={{ bottom: 76 }} />
    </>
  );
}
