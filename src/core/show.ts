// The data of `study show`: a roadmap as a tree with done marks and due weeks. The JSON
// output is this object; the text output renders it.
import type { Duration, Item, ItemKind, Roadmap } from './model.js';
import type { Progress } from './progress.js';

export interface ShowItem {
  id: string;
  title: string;
  kind: ItemKind;
  done: boolean;
  dueWeek: number | null;
  priority: string | null;
  difficulty: string | null;
  effort: string | null;
  url: string | null;
  notes: readonly string[];
  items: ShowItem[];
}

export interface ShowSection {
  id: string;
  title: string;
  weeks: [number, number] | null;
  duration: string | null;
  description: string | null;
  notes: readonly string[];
  items: ShowItem[];
}

export interface ShowView {
  id: string;
  title: string;
  kind: Roadmap['kind'];
  description: string | null;
  notes: readonly string[];
  progress: Progress;
  habits: { id: string; title: string; every: string; minutes: string | null }[];
  sections: ShowSection[];
}

const durationText = (d: Duration | null): string | null => d?.text ?? null;

export function buildShow(roadmap: Roadmap, done: ReadonlySet<string>, due: Readonly<Record<string, number | null>>, progress: Progress): ShowView {
  const item = (it: Item): ShowItem => ({
    id: it.id,
    title: it.title,
    kind: it.kind,
    done: done.has(it.id),
    dueWeek: due[it.id] ?? null,
    priority: it.priority,
    difficulty: it.difficulty,
    effort: it.effort,
    url: it.url,
    notes: it.notes,
    items: it.children.map(item),
  });
  return {
    id: roadmap.id,
    title: roadmap.title,
    kind: roadmap.kind,
    description: roadmap.description,
    notes: roadmap.notes,
    progress,
    habits: roadmap.habits.map((h) => ({ id: h.id, title: h.title, every: h.every, minutes: h.minutes })),
    sections: roadmap.sections.map((s) => ({
      id: s.id,
      title: s.title,
      weeks: s.weeks ? [s.weeks[0], s.weeks[1]] : null,
      duration: durationText(s.duration),
      description: s.description,
      notes: s.notes,
      items: s.items.map(item),
    })),
  };
}
