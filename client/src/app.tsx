import { usePathname } from './router';
import { EditorPage } from './views/editor-page';
import { SessionList } from './views/session-list';

export function App() {
  const path = usePathname();
  const match = /^\/s\/([^/]+)\/?$/.exec(path);
  if (match) return <EditorPage key={match[1]} sessionId={decodeURIComponent(match[1])} />;
  return <SessionList />;
}
