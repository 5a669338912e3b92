import { ComparePage } from './revisions/compare-page';
import { PrintPage } from './print/print-page';
import { ScreenPage } from './room/screen-page';
import { usePathname } from './router';
import { EditorPage } from './views/editor-page';
import { SessionList } from './views/session-list';

export function App() {
  const path = usePathname();
  const match = /^\/s\/([^/]+)\/?$/.exec(path);
  const compare = /^\/s\/([^/]+)\/compare\/?$/.exec(path);
  const print = /^\/s\/([^/]+)\/print\/?$/.exec(path);
  if (print) return <PrintPage key={print[1]} sessionId={decodeURIComponent(print[1])} />;
  const screen = /^\/s\/([^/]+)\/screen\/?$/.exec(path);
  if (screen) return <ScreenPage key={screen[1]} sessionId={decodeURIComponent(screen[1])} />;
  if (compare) return <ComparePage key={compare[1]} sessionId={decodeURIComponent(compare[1])} />;
  if (match) return <EditorPage key={match[1]} sessionId={decodeURIComponent(match[1])} />;
  return <SessionList />;
}
