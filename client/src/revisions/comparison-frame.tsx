import { useEffect, useState } from 'react';

/**
 * Shows the shared renderer's self-contained page (renderComparisonHtml: its own CSS, no scripts)
 * inside the app. A blob URL rather than srcdoc so that its `#p-…` links scroll within the frame
 * instead of navigating it to the app's address; sandboxed without scripts.
 */
export function ComparisonFrame({ html, title }: { html: string; title: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
    setSrc(url);
    return () => URL.revokeObjectURL(url);
  }, [html]);
  if (!src) return null;
  return <iframe className="comparison-frame" title={title} src={src} sandbox="allow-same-origin" />;
}
