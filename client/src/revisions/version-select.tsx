import { useTranslation } from 'react-i18next';
import type { VersionOption } from './compare-url';

const GROUPS: Array<VersionOption['group']> = ['live', 'revision', 'history'];

/** One <select> over the live text, the revisions and the history points. */
export function VersionSelect(props: { label: string; value: string; options: VersionOption[]; onChange: (ref: string) => void }) {
  const known = props.options.some((o) => o.ref === props.value);
  const { t } = useTranslation();
  return (
    <label className="version-select">
      <span>{props.label}</span>
      <select value={props.value} onChange={(e) => props.onChange(e.target.value)} aria-label={props.label}>
        {!known && <option value={props.value}>{props.value}</option>}
        {GROUPS.map((group) => {
          const options = props.options.filter((o) => o.group === group);
          if (options.length === 0) return null;
          return (
            <optgroup key={group} label={t(`versions.group.${group}`)}>
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
