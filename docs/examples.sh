#!/usr/bin/env bash
# Replays the examples of README.md, docs/commands.md, docs/roadmap-format.md,
# docs/data.md and docs/leetcode.md against the real program and prints them as the pages show them
# ("$ study ..." and what it printed, stdout and stderr together). The pages paste this
# output; none of it is written by hand. A page may show an example's output cut short
# only with `| head -N` on its command line, as run here.
#
#   npm run build && docs/examples.sh [FOLDER] > transcript.txt
#
# FOLDER (default /tmp/study-docs) must not exist: the stores and files go there.
# The clock is STUDY_NOW, the zone UTC, the width 80 columns (not a terminal).
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIR=${1:-/tmp/study-docs}
mkdir "$DIR" || { echo "examples: $DIR exists; remove it or name another folder" >&2; exit 1; }
export TZ=UTC
unset STUDY_DB XDG_DATA_HOME NO_COLOR FORCE_COLOR STUDY_DEBUG
NOW=

# An argument as a shell would need it: quoted when it has spaces or specials.
shown() {
  local out='' a
  for a in "$@"; do
    if [[ $a =~ ^[A-Za-z0-9_./:,=+@%-]+$ ]]; then out+=" $a"; else out+=" \"$a\""; fi
  done
  printf '%s' "$out"
}
# ex ARGS...: one example; a non-zero exit is shown as [exit N].
ex() {
  printf '$ study%s\n' "$(shown "$@")"
  STUDY_NOW=$NOW node "$ROOT/bin/study" "$@" 2>&1
  local rc=$?
  [ $rc -eq 0 ] || echo "[exit $rc]"
}
# exh N ARGS...: an example whose output is cut to its first N lines by head.
exh() {
  local n=$1
  shift
  printf '$ study%s | head -%s\n' "$(shown "$@")" "$n"
  STUDY_NOW=$NOW node "$ROOT/bin/study" "$@" 2>&1 | head -"$n"
}
# quiet ARGS...: a step of the story that the pages do not show.
quiet() { STUDY_NOW=$NOW node "$ROOT/bin/study" "$@" >/dev/null 2>&1 || echo "examples: study $* failed" >&2; }
section() { printf '\n######## %s\n' "$1"; }

# ---------------------------------------------------------------------------------------
section 'README: the first week'
export STUDY_DB=$DIR/study.db
NOW=2026-11-23T09:30 ex today
NOW=2026-11-23T09:31 ex start system-architecture-12w
NOW=2026-11-23T09:32 ex today
NOW=2026-11-23T20:00 ex done monolith
NOW=2026-11-23T20:05 ex leet log two-sum --minutes 20
NOW=2026-11-24T20:00 ex done clean architecture layers
NOW=2026-11-24T20:05 ex leet log 20 --minutes 15
NOW=2026-11-26T08:00 ex today
NOW=2026-11-29T19:00 ex report

# ---------------------------------------------------------------------------------------
# docs/commands.md: the README's week on a store where backend-devops-checklist was
# started on 9 November at 30 hours a week; Thursday 26 November unless said otherwise.
export STUDY_DB=$DIR/commands/study.db
section 'commands: the story so far'
NOW=2026-11-09T09:00 ex start backend-devops-checklist --hours 30
NOW=2026-11-23T09:31 ex start system-architecture-12w
NOW=2026-11-23T20:00 quiet done monolith-vs-microservices
NOW=2026-11-23T20:05 quiet leet log two-sum --minutes 20
NOW=2026-11-24T20:00 quiet done clean architecture layers
NOW=2026-11-24T20:05 quiet leet log 20 --minutes 15
NOW=2026-11-26T08:00

section 'commands: today'
ex today
section 'commands: show'
ex show backend-devops-checklist --week
exh 6 show backend-devops-checklist --overdue
exh 12 show system-architecture-12w
section 'commands: roadmaps'
ex roadmaps
section 'commands: schedule'
ex schedule system-architecture-12w --weeks 2
section 'commands: done'
ex done redis sessions
ex done kubernets
ex done devops-deployment/kubernetes
ex done docker
ex done w01-02/horizontal-vs-vertical-scaling --date 2026-11-25
ex done "use redis for user sessions"
ex done celery beat
ex done monolith-vs-microservices --undo
ex done docker --undo
ex done monolith-vs-microservices --date 2026-11-27
NOW=2026-11-26T08:05 quiet done monolith-vs-microservices
section 'commands: leet'
NOW=2026-11-26T08:09 ex leet due
NOW=2026-11-26T08:10 ex leet log "146. LRU Cache" --difficulty medium --result attempted --tags design,hash-table --note OrderedDict
NOW=2026-11-26T08:11 ex leet log "1. Two Sum" --result reviewed
NOW=2026-11-26T08:12 ex leet log 1 --date 2026-11-25
NOW=2026-11-26T08:13 ex leet log https://leetcode.com/problems/median-of-two-sorted-arrays/ --difficulty hard --minutes 55
NOW=2026-11-26T08:14 ex leet log
NOW=2026-11-26T08:14 ex leet log two-sum --minutes 0
NOW=2026-11-26T08:15 ex leet list --since 2026-11-24
NOW=2026-11-26T08:15 ex leet stats
NOW=2026-11-26T08:15 exh 8 leet stats --by pattern
NOW=2026-11-26T08:16 ex leet lists
NOW=2026-11-26T08:16 ex leet start neetcode150 --per-day 2
NOW=2026-11-26T08:16 ex leet next
NOW=2026-11-26T08:20
section 'commands: report'
ex report
ex report --format markdown
ex report --week 2026-W47
ex report --format html --out "$DIR/week.html"
STUDY_NOW=$NOW node "$ROOT/bin/study" report --week 2026-W47 >"$DIR/w47-before.txt" 2>&1
section 'commands: schedule --replan'
ex schedule backend-devops-checklist --replan --weeks 1
STUDY_NOW=$NOW node "$ROOT/bin/study" report --week 2026-W47 >"$DIR/w47-after.txt" 2>&1
if cmp -s "$DIR/w47-before.txt" "$DIR/w47-after.txt"; then echo '(report --week 2026-W47: byte for byte the same after the re-plan)'; else echo '(report --week 2026-W47 CHANGED after the re-plan)'; fi
section 'commands: start'
ex start system-architecture-12w
ex start backend-django-go-tracks --on 2026-11-30 --hours 6
section 'commands: config'
ex config
ex config set rest-days Sat,SUN
ex config get rest-days
ex config set day-start 25:00
ex config set colour blue
ex config set leet-weekly-target 10
ex config set freezes-per-month 2
ex config set fsrs-retention 0.5
section 'commands: export and import-backup'
ex export --out "$DIR/backup.json"
ex export --out "$DIR/backup.json"
ex --db "$DIR/restored.db" import-backup "$DIR/backup.json"
ex --db "$DIR/restored.db" import-backup "$DIR/backup.json"
ex export --format ics --out "$DIR/plans.ics"
exh 17 export --format ics --plan system-architecture-12w
section 'commands: completion'
exh 2 completion bash
ex completion powershell
ex __complete task refac
ex __complete plan

# ---------------------------------------------------------------------------------------
# docs/commands.md: the daily loop's other commands (log, undo, pause, resume, stop,
# remove, dates in words), on a store of their own with a small plan that declares a
# habit, started on Monday 2 November.
section 'commands: the loop (in FOLDER/loop)'
mkdir "$DIR/loop" && cd "$DIR/loop" || exit 1
export STUDY_DB=$DIR/loop/study.db
cat >dsa.yaml <<'EOF'
id: dsa
title: Data structures in four weeks
kind: weekly
sections:
  - {title: Arrays, weeks: 1, items: [Two pointers, Sliding window]}
  - {title: Trees, weeks: 2, items: [BFS, DFS]}
  - {title: Graphs, weeks: 3, items: [Dijkstra, Topological sort]}
  - {title: Dynamic programming, weeks: 4, items: [Knapsack, Longest increasing subsequence]}
habits:
  - {id: reading, title: Read a paper, every: day, minutes: 30}
EOF
NOW=2026-11-02T09:00 quiet load dsa.yaml
NOW=2026-11-02T09:00 quiet start dsa
section 'commands: log'
NOW=2026-11-04T21:00 ex log reading --minutes 30 --note "the Dynamo paper"
NOW=2026-11-04T21:01 ex log reading --date -1 --minutes 20
NOW=2026-11-04T21:02 ex log reading --date 2026-11-05
NOW=2026-11-04T21:03 ex log readng
NOW=2026-11-04T21:04 exh 2 streak reading
section 'commands: done --minutes, dates in words'
NOW=2026-11-04T21:10 ex done two-pointers --date mon --minutes 45
NOW=2026-11-04T21:11 ex done arrays/sliding --minutes 30
NOW=2026-11-04T21:12 exh 7 today --date 2026-11-09
section 'commands: undo'
NOW=2026-11-04T21:20 ex undo
NOW=2026-11-04T21:21 ex log reading --minutes 15
NOW=2026-11-04T21:22 ex done --undo
NOW=2026-11-04T21:23 ex undo
NOW=2026-11-04T21:24 ex --json undo
section 'commands: report, time and what comes next'
NOW=2026-11-04T21:30 quiet done arrays/sliding --minutes 30
NOW=2026-11-04T21:31 quiet done two-pointers --minutes 45
NOW=2026-11-04T21:32 quiet done bfs dfs
NOW=2026-11-04T21:33 quiet leet log two-sum --minutes 20
NOW=2026-11-08T10:00 ex report
section 'commands: pause, resume, stop'
NOW=2026-11-17T09:00 ex pause dsa
NOW=2026-11-20T09:00 exh 5 today
NOW=2026-11-24T09:00 ex resume dsa
NOW=2026-11-24T09:00 exh 7 today
NOW=2026-11-24T09:05 ex stop dsa
NOW=2026-11-24T09:06 ex roadmaps
NOW=2026-11-24T09:07 ex undo
section 'commands: remove'
NOW=2026-11-24T09:10 ex remove dsa
NOW=2026-11-24T09:11 ex remove dsa --yes
NOW=2026-11-24T09:12 ex undo
NOW=2026-11-24T09:13 ex import-backup study.db.before-removing-dsa-20261124-091100.json --force
NOW=2026-11-24T09:14 ex roadmaps

# ---------------------------------------------------------------------------------------
section 'commands: load, validate and import (in FOLDER/files)'
mkdir "$DIR/files" && cd "$DIR/files" || exit 1
export STUDY_DB=$DIR/files/study.db
NOW=2026-11-26T09:00
cat >my-plan.yaml <<'EOF'
title: My Go plan
kind: checklist
sections:
  - title: Basics
    items:
      - Goroutines and channels
      - title: Modules and tooling
        done: true
      - title: Write a CLI
        effort: 3h
        priority: high
      - Read Effective Go
EOF
cat >broken.yaml <<'EOF'
title: Broken
kind: weekly
colour: blue
sections:
  - title: First
    weeks: 4-2
    tasks:
      - title: A
        efort: 3h
      - 42
      - title: B
        effort: lots
EOF
cat >go-plan.md <<'EOF'
# Go Backend Plan

## Week 1-2: Foundations
- [ ] Goroutines and channels
- [x] Modules and tooling

## Week 3: APIs
- **Priority:** High
- [ ] REST with `net/http`
EOF
ex load
ex load my-plan.yaml
ex load my-plan.yaml
sed -i -e 's/Write a CLI/Write a small CLI/' -e '/Read Effective Go/d' my-plan.yaml
ex load my-plan.yaml
(cd "$ROOT" && ex validate roadmaps/)
ex validate broken.yaml
ex import go-plan.md

# ---------------------------------------------------------------------------------------
section 'roadmap-format: a file with every key (in FOLDER/format)'
mkdir "$DIR/format" && cd "$DIR/format" || exit 1
export STUDY_DB=$DIR/format/study.db
NOW=2026-11-23T09:30
cat >go-backend.yaml <<'EOF'
# yaml-language-server: $schema=../schema/roadmap.schema.json
id: go-backend                 # optional; default: the file name, slugified
title: Go Backend in 6 Weeks
kind: weekly                   # weekly | phased | checklist | tracks
description: Where this plan came from and what it is for.
notes: [Backend depth before breadth.]   # text, not checkable
sections:
  - id: w01-02                 # optional; default: a slug of the title
    title: Foundations
    weeks: 1-2                 # a week (3) or a range (1-2), 1-based
    description: Get fluent in the language first.
    priority: high             # priority, difficulty, effort: defaults for its items
    topics: [Goroutines and channels, Modules and tooling]
    tasks:
      - Build a CLI that fetches URLs concurrently
      - title: Write a worker pool
        id: worker-pool
        effort: 3h             # short | medium | long | 3h | 90m | 30-60m
        priority: critical     # critical | high | medium | low, or low-medium
        difficulty: medium     # easy | medium | hard, or easy-medium
        notes: [bounded, with context cancellation]
    resources:
      - title: A Tour of Go
        url: https://go.dev/tour/
        done: true             # checked in the file: this item only, no date
    criteria: [The CLI handles 100 URLs without leaking goroutines]
  - title: HTTP services
    weeks: 3-5
    items:
      - title: REST with net/http
        items: [Routing, Middleware for logging]   # nested, any depth
      - REST with net/http     # the same title again: its id gets -2
    milestones: [First service deployed]
  - title: ডেটাবেস
    weeks: 6
    topics: [ইনডেক্স, SQL joins]   # no Latin letters: the id is topic-1
habits:
  - id: leetcode
    title: LeetCode (1 problem/day)
    every: day                 # day, or N per week
    minutes: 30-60
  - title: Read a Go blog post
    every: 2 per week
EOF
ex validate go-backend.yaml
ex load go-backend.yaml
ex show go-backend

# ---------------------------------------------------------------------------------------
section 'streak: the worked example (Dhaka, UTC+6)'
export STUDY_DB=$DIR/streak/study.db
NOW=2026-11-23T09:30+06:00
for day in 2026-06-03 2026-07-10 2026-07-11 2026-07-12 2026-09-01 2026-09-01 2026-09-01 \
  2026-11-09 2026-11-10 2026-11-11 2026-11-12 2026-11-13 2026-11-14 \
  2026-11-16 2026-11-17 2026-11-18 2026-11-19 2026-11-20 2026-11-20 2026-11-21 2026-11-22; do
  quiet leet log two-sum --date "$day"
done
ex streak --no-color
ex config set rest-days sun
exh 1 streak
ex config set rest-days none
ex config set daily-target 2
exh 1 streak
ex config set daily-target 1
NOW=2026-11-24T01:30+06:00 ex leet log three-sum
NOW=2026-11-24T01:31+06:00 exh 2 streak

# ---------------------------------------------------------------------------------------
section 'data: the store, its versions, the clock'
mkdir -p "$DIR/data" && cd "$DIR/data" || exit 1
NOW=2026-11-26T09:00
echo 'my notes' >notes.txt
ex --db notes.txt today
ex --db notes.txt/study.db today
cp "$ROOT/test/fixtures/store-v1.db" old.db
ex --db old.db roadmaps
printf '$ ls\n'; ls
export STUDY_DB=$DIR/data/study.db
NOW=2026-11-24T01:30 ex leet log two-sum
NOW=2026-11-24T01:31 ex leet list
NOW=2026-11-24T09:00 ex config set week-start sun
NOW=2026-11-29T10:00 exh 2 today
NOW=2026-11-29T10:00 exh 1 report

# ---------------------------------------------------------------------------------------
# docs/leetcode.md: ten days of LeetCode on a store of their own, from Monday 16
# November; Thursday 26 November, 08:00, unless said otherwise.
section 'leetcode: ten days of practice (in FOLDER/leet)'
mkdir "$DIR/leet" && cd "$DIR/leet" || exit 1
export STUDY_DB=$DIR/leet/study.db
NOW=2026-11-16T20:00 quiet leet log 1 --minutes 10
NOW=2026-11-16T20:30 quiet leet log 217 --minutes 5
NOW=2026-11-17T20:00 ex leet log 20 --minutes 12
NOW=2026-11-18T20:00 ex leet log lru-cache --result attempted --minutes 50
NOW=2026-11-19T08:00 ex --json leet due
NOW=2026-11-19T20:00 quiet leet log 238 --result helped
NOW=2026-11-19T20:30 ex leet log my-kata --difficulty hard
NOW=2026-11-20T20:00 ex --json leet log 20 --minutes 20
NOW=2026-11-20T20:30 quiet leet log min-stack --result attempted
NOW=2026-11-21T20:00 quiet leet log min-stack --minutes 25
NOW=2026-11-23T20:00 quiet leet log 150 --result attempted
NOW=2026-11-23T20:30 quiet leet log lru-cache --result helped
NOW=2026-11-24T20:00 quiet leet log 242 --minutes 8
NOW=2026-11-24T20:30 quiet leet log reverse-linked-list --minutes 10
NOW=2026-11-26T08:00
ex leet due
ex config set fsrs-retention 0.5
ex leet lists
ex leet start neetcode150 --per-day 2
ex config set leet-weekly-target 10
ex config set freezes-per-month 2
NOW=2026-11-26T08:05 ex leet log 49 --minutes 25
NOW=2026-11-26T08:06
ex leet next
ex --json leet next
ex today
ex leet stats --by pattern
ex report
ex streak --weeks 8

# ---------------------------------------------------------------------------------------
section 'sync: two machines through a bare repository'
# HOME without a git configuration: the commits are made as the device.
export HOME=$DIR/home
mkdir -p "$HOME" && cd "$DIR" || exit 1
git init --quiet --bare "$DIR/usb/study.git"
export STUDY_DB=$DIR/laptop/study.db
NOW=2026-11-23T09:00 quiet start system-architecture-12w
NOW=2026-11-23T09:30 quiet done monolith
NOW=2026-11-23T10:00 ex sync init usb/study.git
NOW=2026-11-23T10:01 ex sync
export STUDY_DB=$DIR/desktop/study.db
NOW=2026-11-23T19:00 ex sync init usb/study.git
NOW=2026-11-23T19:01 ex sync
NOW=2026-11-23T19:02 exh 5 today
NOW=2026-11-23T19:30 quiet leet log two-sum --minutes 20
NOW=2026-11-23T19:31 ex sync --status
NOW=2026-11-23T19:32 ex sync
NOW=2026-11-23T19:33 ex --json sync --status
export STUDY_DB=$DIR/laptop/study.db
NOW=2026-11-24T08:00 ex --json sync
mv "$DIR/usb" "$DIR/usb-unplugged"
NOW=2026-11-24T08:05 ex sync
mv "$DIR/usb-unplugged" "$DIR/usb"
