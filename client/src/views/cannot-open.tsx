/** The page shown when a text or comparison cannot be opened from this browser, with the reason. */
export function CannotOpen({ what, reason }: { what: string; reason: string }) {
  return (
    <div className="page-message">
      <h1>Cannot open this {what}</h1>
      <p>{reason}</p>
      <a href="/">Back to the list of texts</a>
    </div>
  );
}
