import type { Metadata, Viewport } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Maintien", template: "%s · Maintien" },
  description: "Suivi des ménages par les équipes mobiles de prévention des expulsions locatives",
  robots: { index: false, follow: false },
  // Issue 18: installable on the phone (public/manifest.webmanifest, public/icons/).
  manifest: "/manifest.webmanifest",
  icons: { icon: "/icons/maintien-192.png", apple: "/icons/maintien-192.png" },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#1e3a8a" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="fr">
      <body className="min-h-dvh">
        <a href="#contenu" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-blue-800">
          Aller au contenu
        </a>
        {children}
      </body>
    </html>
  );
}
