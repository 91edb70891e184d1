import type { ReactNode } from 'react';

// The real root layout, with <html lang dir>, is app/[locale]/layout.tsx. Next requires a
// layout here because app/not-found.tsx lives at the root; it renders its own <html>.
export default function RootLayout({ children }: { children: ReactNode }) {
  return children;
}
