// study config [get KEY | set KEY VALUE]: the settings of SPEC section 3, kept in the store.
import { DEFAULTS, SETTING_HELP, SETTING_KEYS, canonicalSetting, isSettingKey, type SettingKey } from '../../core/settings.js';
import { studyDayOf } from '../../core/streak.js';
import { UsageError } from '../../cli/errors.js';
import { timestampOf } from '../../cli/clock.js';
import type { Run } from '../../cli/run.js';
import { safe } from '../../render/text.js';

function keyOf(key: string | undefined): SettingKey {
  if (key === undefined) throw new UsageError(`missing setting name; one of: ${SETTING_KEYS.join(', ')}`);
  if (!isSettingKey(key)) throw new UsageError(`unknown setting "${safe(key)}"; one of: ${SETTING_KEYS.join(', ')}`);
  return key;
}

export default async function config(run: Run, args: string[]): Promise<number> {
  const [action = 'list', rawKey, ...rest] = args;
  // Every argument is checked before the store is opened (or created): a bad one writes nothing.
  let toSet: { key: SettingKey; value: string } | undefined;
  if (action === 'list') {
    if (rawKey !== undefined) throw new UsageError(`config list takes no arguments`);
  } else if (action === 'get') {
    keyOf(rawKey);
    if (rest.length) throw new UsageError('config get takes one setting name');
  } else if (action === 'set') {
    const key = keyOf(rawKey);
    if (rest.length === 0) throw new UsageError(`missing value for ${key}: ${SETTING_HELP[key]}`);
    const result = canonicalSetting(key, rest.join(' '));
    if ('error' in result) throw new UsageError(`${key}: ${result.error}`);
    toSet = { key, value: result.value };
  } else {
    throw new UsageError(`unknown config action "${safe(action)}"; use: study config, study config get KEY, study config set KEY VALUE`);
  }
  const store = await run.store();
  const stored = store.settings.all();
  const valueOf = (k: SettingKey): string => stored[k] ?? DEFAULTS[k];

  if (action === 'list') {
    if (run.json) {
      run.out(JSON.stringify(Object.fromEntries(SETTING_KEYS.map((k) => [k, valueOf(k)]))));
      return 0;
    }
    const { table } = await import('../../render/table.js');
    const c = run.chalk;
    const rows = SETTING_KEYS.map((k) => [k, valueOf(k) + (stored[k] === undefined ? c.dim(' (default)') : ''), SETTING_HELP[k]]);
    run.out(table(rows, [{}, {}, { flex: 1, style: (s) => c.dim(s) }], run.columns).join('\n'));
    return 0;
  }
  if (action === 'get') {
    const key = keyOf(rawKey);
    run.out(run.json ? JSON.stringify({ [key]: valueOf(key) }) : valueOf(key));
    return 0;
  }
  const { key, value } = toSet!;
  const minutes = key === 'day-start' ? Number(value.slice(0, 2)) * 60 + Number(value.slice(3)) : 0;
  store.settings.set(key, value, timestampOf(run.now), key === 'day-start' ? (at: string) => studyDayOf(at, minutes) : undefined);
  if (run.json) run.out(JSON.stringify({ [key]: value }));
  else run.note(`${key} = ${value}`);
  return 0;
}
