import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDaysTo, daysBetween } from '../../../src/core/calendar.js';
import {
  DEFAULT_FSRS,
  RATINGS,
  cardFromJson,
  checkMaximumInterval,
  checkRating,
  checkRetention,
  dueOn,
  fsrsParamsFrom,
  ratingFor,
  replay,
  review,
  targetMinutesFor,
  type CardState,
  type FsrsParams,
  type ReviewRating,
} from '../../../src/core/leet/review.js';

describe('ratingFor', () => {
  const medium = targetMinutesFor('medium');
  it.each([
    ['an explicit rating wins', { result: 'attempted', minutes: 5, rating: 'easy' as const }, 'easy'],
    ['not solved is again', { result: 'attempted', minutes: 10 }, 'again'],
    ['solved with help is hard', { result: 'helped', minutes: 5 }, 'hard'],
    ['solved past the target is hard', { result: 'solved', minutes: 31 }, 'hard'],
    ['solved at the target is good', { result: 'solved', minutes: 30 }, 'good'],
    ['solved in half the target is good', { result: 'solved', minutes: 15 }, 'good'],
    ['solved in under half the target is easy', { result: 'solved', minutes: 14 }, 'easy'],
    ['solved with no minutes is good', { result: 'solved', minutes: null }, 'good'],
    ['reviewed counts as solved', { result: 'reviewed', minutes: 10 }, 'easy'],
    ['no result reads as solved', { result: null, minutes: 20 }, 'good'],
  ])('%s', (_, input, rating) => {
    expect(ratingFor({ targetMinutes: medium, ...input })).toBe(rating);
  });

  it('takes the target minutes from the difficulty (easy 15, medium 30, hard 45; unknown as medium)', () => {
    expect([targetMinutesFor('easy'), targetMinutesFor('medium'), targetMinutesFor('hard'), targetMinutesFor(null)]).toEqual([15, 30, 45, 30]);
    expect(ratingFor({ result: 'solved', minutes: 20, targetMinutes: targetMinutesFor('easy') })).toBe('hard');
    expect(ratingFor({ result: 'solved', minutes: 20, targetMinutes: targetMinutesFor('hard') })).toBe('easy');
  });
});

describe('review: exact days, no fuzz', () => {
  it('schedules a first review 1, 2, 3 or 8 days out by rating', () => {
    const due = RATINGS.map((r) => review(null, r, '2026-01-01').due);
    expect(due).toEqual(['2026-01-02', '2026-01-03', '2026-01-04', '2026-01-09']);
  });

  it('spaces good reviews on their due days further apart each time', () => {
    let card: CardState | null = null;
    let day = '2026-01-01';
    const dues: string[] = [];
    for (let i = 0; i < 4; i++) {
      const o = review(card, 'good', day);
      dues.push(o.due);
      expect(o.interval).toBe(daysBetween(day, o.due));
      card = o.card;
      day = o.due;
    }
    expect(dues).toEqual(['2026-01-04', '2026-01-18', '2026-03-16', '2026-09-28']);
    expect(card).toMatchObject({ lastReview: '2026-03-16', due: '2026-09-28', scheduledDays: 196, reps: 4, lapses: 0 });
  });

  it('counts a lapse when a learned problem is rated again, and brings it back soon', () => {
    const learned = replay([
      { day: '2026-01-01', rating: 'good' },
      { day: '2026-01-04', rating: 'good' },
    ])!;
    const o = review(learned, 'again', learned.due);
    expect(o.card.lapses).toBe(1);
    expect(o.interval).toBeLessThan(learned.scheduledDays);
  });

  it('gives the same days whatever time zone the process runs in (days, not instants)', () => {
    const history = [
      { day: '2026-03-28', rating: 'good' as const }, // around a daylight-saving change
      { day: '2026-03-31', rating: 'hard' as const },
      { day: '2026-04-09', rating: 'again' as const },
      { day: '2026-04-10', rating: 'easy' as const },
    ];
    const saved = process.env.TZ;
    try {
      const cards = ['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles', 'Europe/London'].map((tz) => {
        process.env.TZ = tz;
        return replay(history);
      });
      for (const c of cards) expect(c).toEqual(cards[0]);
      expect(cards[0]!.due).toBe(addDaysTo('2026-04-10', cards[0]!.scheduledDays));
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('uses the retention and maximum interval it is given', () => {
    expect(review(null, 'good', '2026-01-01', { retention: 0.8, maximumInterval: 36500 }).due).toBe('2026-01-09');
    const capped: FsrsParams = { retention: 0.9, maximumInterval: 30 };
    let card: CardState | null = null;
    let day = '2026-01-01';
    for (let i = 0; i < 6; i++) {
      const o = review(card, 'good', day, capped);
      expect(o.interval).toBeLessThanOrEqual(30);
      card = o.card;
      day = o.due;
    }
    expect(card!.scheduledDays).toBe(30);
  });

  it('refuses a review before the last one; replay takes sessions in day order', () => {
    const card = review(null, 'good', '2026-01-10').card;
    expect(() => review(card, 'good', '2026-01-09')).toThrow(RangeError);
    const inOrder = replay([
      { day: '2026-01-01', rating: 'again' },
      { day: '2026-01-05', rating: 'good' },
    ]);
    const backdated = replay([
      { day: '2026-01-05', rating: 'good' },
      { day: '2026-01-01', rating: 'again' },
    ]);
    expect(backdated).toEqual(inOrder);
    expect(replay([])).toBeNull();
  });
});

// A card from a random history: a start day, then ratings at gaps from its due day.
const ratingArb = fc.constantFrom<ReviewRating>(...RATINGS);
const paramsArb = fc.record({
  retention: fc.integer({ min: 70, max: 99 }).map((n) => n / 100),
  maximumInterval: fc.constantFrom(36500, 3650, 365, 180, 30, 2),
});
const cardArb = (params: FsrsParams) =>
  fc
    .tuple(fc.integer({ min: 0, max: 20000 }), fc.array(fc.tuple(ratingArb, fc.integer({ min: -5, max: 30 })), { minLength: 1, maxLength: 12 }))
    .map(([offset, steps]) => {
      let card: CardState | null = null;
      let day = addDaysTo('2000-01-01', offset);
      for (const [rating, late] of steps) {
        card = review(card, rating, day, params).card;
        // next review: around its due day, never before the last one
        day = addDaysTo(card.due, Math.max(late, -card.scheduledDays));
      }
      return card!;
    });

describe('review properties', () => {
  it('a card reviewed good on its due day is never due earlier next time than this time', () => {
    fc.assert(
      fc.property(paramsArb.chain((p) => fc.tuple(fc.constant(p), cardArb(p))), ([params, card]) => {
        const o = review(card, 'good', card.due, params);
        expect(o.interval).toBeGreaterThanOrEqual(card.scheduledDays);
      }),
      { numRuns: 300 },
    );
  });

  it('again always brings a problem back sooner than good would; no rating passes the maximum interval', () => {
    fc.assert(
      fc.property(
        paramsArb.chain((p) => fc.tuple(fc.constant(p), fc.option(cardArb(p), { nil: null }), fc.integer({ min: 0, max: 400 }))),
        ([params, card, gap]) => {
          const day = addDaysTo(card?.lastReview ?? '2026-01-01', gap);
          const [again, hard, good, easy] = RATINGS.map((r) => review(card, r, day, params).interval) as [number, number, number, number];
          expect(again).toBeLessThan(good);
          // at the maximum interval hard, good and easy may meet, never cross
          expect(again <= hard && hard <= good && good <= easy && easy <= params.maximumInterval).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('dueOn', () => {
  const card = (due: string, lastReview: string): CardState => ({ due, lastReview, stability: 3, difficulty: 5, scheduledDays: 3, reps: 1, lapses: 0 });
  it('lists the cards due on the day or before, oldest due first', () => {
    const items = [
      { id: 'a', card: card('2026-03-05', '2026-03-01') },
      { id: 'b', card: card('2026-03-02', '2026-02-27') },
      { id: 'c', card: card('2026-03-06', '2026-03-03') },
      { id: 'd', card: card('2026-03-02', '2026-02-20') },
    ];
    expect(dueOn(items, '2026-03-05').map((x) => x.id)).toEqual(['d', 'b', 'a']);
    expect(dueOn(items, '2026-03-01')).toEqual([]);
  });
});

describe('settings and options', () => {
  it('reads FSRS parameters from settings, with the library defaults', () => {
    expect(DEFAULT_FSRS).toEqual({ retention: 0.9, maximumInterval: 36500 });
    expect(fsrsParamsFrom({})).toEqual(DEFAULT_FSRS);
    expect(fsrsParamsFrom({ 'fsrs-retention': '0.85', 'fsrs-maximum-interval': '365' })).toEqual({ retention: 0.85, maximumInterval: 365 });
    expect(fsrsParamsFrom({ 'fsrs-retention': '2' })).toEqual(DEFAULT_FSRS);
  });

  it('checks fsrs-retention (0.70..0.99), fsrs-maximum-interval (1..36500 days) and --rating', () => {
    expect(checkRetention('0.9')).toEqual({ value: 0.9 });
    expect(checkRetention('.95')).toEqual({ value: 0.95 });
    for (const bad of ['1', '0.5', '0.995', '90%', 'abc', '']) expect(checkRetention(bad), bad).toHaveProperty('error');
    expect(checkMaximumInterval('365')).toEqual({ value: 365 });
    for (const bad of ['0', '1', '36501', '1.5']) expect(checkMaximumInterval(bad), bad).toHaveProperty('error');
    expect(checkRating(' Good ')).toEqual({ value: 'good' });
    expect(checkRating('ok')).toEqual({ error: 'expected again, hard, good or easy' });
  });
});

describe('cardFromJson', () => {
  it('reads back a stored card and refuses anything else', () => {
    const card = review(null, 'good', '2026-01-01').card;
    expect(cardFromJson(JSON.parse(JSON.stringify(card)))).toEqual(card);
    expect(cardFromJson(null)).toBeNull();
    expect(cardFromJson({ ...card, due: '2026-02-30' })).toBeNull();
    expect(cardFromJson({ ...card, reps: -1 })).toBeNull();
    expect(cardFromJson({ ...card, stability: 'x' })).toBeNull();
  });
});
