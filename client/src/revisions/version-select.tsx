import type { VersionOption } from './compare-url';

const GROUPS: Array<[VersionOption['group'], string]> = [
  ['live', 'Live'],
  ['revision', 'Revisions'],
  ['history', 'History points'],
];

/** One <select> over the live text, the revisions and the history points. */
export function VersionSelect(props: { label: string; value: string; options: VersionOption[]; onChange: (ref: string) => void }) {
  const known = props.options.some((o) => o.ref === props.value);
  return (
    <label className="version-select">
      <span>{props.label}</span>
      <select value={props.value} onChange={(e) => props.onChange(e.target.value)} aria-label={props.label}>
        {!known && <option value={props.value}>{props.value}</option>}
        {GROUPS.map(([group, name]) => {
          const options = props.options.filter((o) => o.group === group);
          if (options.length === 0) return null;
          return (
            <optgroup key={group} label={name}>
              {options.map((o) => (
                <option key={o.ref} value={o.ref}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          );
        })}
      </select>
    </label>
  );
}
