// `study remove` on a real terminal (script(1) makes it, test/support/pty.ts drives it):
// it asks first; no (the default) changes nothing, yes removes after writing the backup.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/cli.js';
import { onPty } from '../support/pty.js';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'study');
const NOW = '2026-11-23T09:30';

function setup(): { env: Record<string, string>; db: string } {
  const dir = tempDir();
  writeFileSync(join(dir, 'dsa.yaml'), 'id: dsa\ntitle: My DSA\nkind: checklist\nsections:\n  - {id: s, title: S, items: [a, b]}\n');
  const db = join(dir, 'study.db');
  const env = { PATH: process.env.PATH ?? '', HOME: dir, STUDY_DB: db, STUDY_NOW: NOW, TERM: 'xterm', NO_COLOR: '1' };
  const r = spawnSync(process.execPath, [BIN, 'load', join(dir, 'dsa.yaml')], { encoding: 'utf8', env });
  expect(r.status, r.stderr).toBe(0);
  return { env, db };
}

const roadmapIds = (env: Record<string, string>): string[] =>
  (JSON.parse(spawnSync(process.execPath, [BIN, '--json', 'roadmaps'], { encoding: 'utf8', env }).stdout) as { id: string }[]).map((r) => r.id);

describe('study remove on a terminal', () => {
  it('asks; Enter (no, the default) changes nothing', async () => {
    const { env, db } = setup();
    const r = await onPty([process.execPath, BIN, 'remove', 'dsa'], [['its history?', '\r']], { env });
    expect(r.code, r.screen).toBe(1);
    expect(r.screen).toContain('Remove dsa, its plan and its history? (a backup is written first)');
    expect(r.screen).toContain('nothing changed');
    expect(roadmapIds(env)).toEqual(['dsa']);
    expect(existsSync(`${db}.before-removing-dsa-20261123-093000.json`)).toBe(false);
  });

  it('y: removed, the backup written', async () => {
    const { env, db } = setup();
    const r = await onPty([process.execPath, BIN, 'remove', 'dsa'], [['its history?', 'y\r']], { env });
    expect(r.code, r.screen).toBe(0);
    expect(r.screen).toContain('removed dsa; everything the store held before is in');
    expect(roadmapIds(env)).toEqual([]);
    expect(existsSync(`${db}.before-removing-dsa-20261123-093000.json`)).toBe(true);
  });
});
