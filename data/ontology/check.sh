#!/bin/sh
# Checks events.tsv: 6 columns per row, known constraints, integer priorities, all 25 ACLED sub-types present.
set -eu
f="$(dirname "$0")/events.tsv"
awk -F'\t' '
  BEGIN {
    n = split("Armed clash|Government regains territory|Non-state actor overtakes territory|Chemical weapon|Air/drone strike|Suicide bomb|Shelling/artillery/missile attack|Remote explosive/landmine/IED|Grenade|Sexual violence|Attack|Abduction/forced disappearance|Peaceful protest|Protest with intervention|Excessive force against protesters|Violent demonstration|Mob violence|Agreement|Arrests|Change to group/activity|Disrupted weapons use|Headquarters or base established|Looting/property destruction|Non-violent transfer of territory|Other", names, "|")
    for (i = 1; i <= n; i++) known[names[i]] = 1
    split("armed civilians state nonstate protest force air", cs, " "); for (i in cs) okc[cs[i]] = 1
    bad = 0
  }
  /^#/ || /^$/ || /^sub_event_type\t/ { next }
  {
    if (NF != 6) { printf "line %d: %d columns\n", NR, NF; bad = 1; next }
    if (!($1 in known)) { printf "line %d: unknown sub-type %s\n", NR, $1; bad = 1 }
    if ($2 !~ /^[0-9]+$/) { printf "line %d: priority %s\n", NR, $2; bad = 1 }
    if ($3 != "-") { m = split($3, parts, "+"); for (i = 1; i <= m; i++) if (!(parts[i] in okc)) { printf "line %d: constraint %s\n", NR, parts[i]; bad = 1 } }
    seen[$1] = 1
  }
  END {
    for (k in known) if (!(k in seen)) { printf "missing sub-type: %s\n", k; bad = 1 }
    if (bad) exit 1
    print "events.tsv OK"
  }' "$f"
