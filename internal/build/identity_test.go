package build_test

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	ics "github.com/arran4/golang-ical"
	"github.com/mmcdole/gofeed"

	"github.com/prayerfeed/prayerfeed/internal/build"
)

// The site of the identity scenarios: a bulletin whose points have no
// ids, one whose points have, a hearing, a weekly gathering and a
// hearing in the wrong region, and a podcast.
var identitySite = map[string]string{
	"site.yaml": `title: Identity test
description: Weekly prayer for justice.
base_url: https://prayer.example.org/
timezone: America/New_York
id_domain: prayer.example.org
organization:
  name: Justice Partners
  email: office@example.org
podcast:
  guid: 0f1c2d3e-4a5b-5c6d-8e7f-0123456789ab
  author: Justice Partners
  owner:
    name: Justice Partners
    email: podcast@example.org
  image: https://prayer.example.org/podcast.png
  category: Religion & Spirituality
regions:
  - id: africa
    name: Africa
  - id: latin-america
    name: Latin America
  - id: southeast-asia
    name: Southeast Asia
  - id: south-asia
    name: South Asia
`,
	"2026-11-20.yaml": `date: 2026-11-20
title: Prayer for the week of 20 November
scripture:
  text: Let justice roll on like a river.
  reference: Amos 5:24
audio:
  url: https://media.example.org/2026-11-20.mp3
  length: 1000
  type: audio/mpeg
  duration: 10m
items:
  - region: africa
    kind: praise
    title: Rescue in Kenya
    body: Praise God for the rescue of twelve children from a brick kiln near Nairobi last week.
  - region: africa
    kind: prayer
    title: Shelter staff
    body: Pray for the staff of the shelter in Kampala as they care for survivors through the holidays.
  - region: latin-america
    kind: prayer
    title: Hearing in Santo Domingo
    body: Pray for the trafficking case hearing in Santo Domingo, that the judge rules justly.
    events:
      - id: dr-hearing
        kind: hearing
        title: Trafficking case hearing
        start: "2026-12-14 09:00"
        timezone: America/Santo_Domingo
        location: Palacio de Justicia, Santo Domingo
`,
	"2026-11-27.yaml": `date: 2026-11-27
title: Prayer for the week of 27 November
scripture:
  text: Seek justice, defend the oppressed.
  reference: Isaiah 1:17
items:
  - id: manila-vigil
    region: southeast-asia
    kind: prayer
    title: Weekly vigil in Manila
    body: Join the weekly vigil in Manila for survivors of online sexual exploitation and their families.
    events:
      - id: manila-vigil
        kind: gathering
        title: Weekly prayer vigil
        start: "2026-12-10 19:00"
        timezone: Asia/Manila
        location: Malate Church, Manila
        repeat:
          every: week
          until: 2027-01-28
  - id: chennai-court
    region: southeast-asia
    kind: prayer
    title: Bonded labour case in Chennai
    body: Pray for the bonded labour case in Chennai, where the accused kiln owner has asked for another delay.
    events:
      - id: chennai-hearing
        kind: hearing
        title: Bonded labour hearing
        start: "2026-12-17 10:30"
        timezone: Asia/Kolkata
        location: Sessions Court, Chennai
  - id: lima-survivors
    region: latin-america
    kind: praise
    title: Survivors in Lima
    body: Praise God for three survivors in Lima who finished vocational training and started work this month.
`,
}

// later is a bulletin after the others, to which scenarios add points.
const later = `date: 2026-12-04
title: Prayer for the week of 4 December
scripture:
  text: He has shown you what is good.
  reference: Micah 6:8
items:
`

// identityNow is the clock of every build of the scenarios.
var identityNow = time.Date(2026, 12, 5, 12, 0, 0, 0, time.UTC)

// A published site as subscribers' clients see it.
type seen struct {
	entries map[string]string            // entry ID → its title, from every feed
	feedIDs map[string]string            // feed file → the feed's own ID or GUID
	events  map[string]map[string]string // calendar file → UID → "SEQUENCE STATUS"
	vevents map[string]map[string]string // calendar file → UID → what subscribers see of it
	files   map[string]string            // path → content, the manifest left out
	warns   []string
}

// TestIdentity builds a site, makes one edit as staff do, rebuilds into
// the previous output, and checks what subscribers' clients see: every
// entry ID in every feed format, every UID, SEQUENCE and STATUS in every
// calendar, and the warnings. Besides each scenario's own expectations,
// every rebuild must keep these for all:
//
//   - an entry whose title was published keeps its ID, unless the
//     scenario says otherwise; a new one has an ID never published;
//   - a published ID that vanishes, or that now stands for other text,
//     does so only with a warning;
//   - RSS, Atom and JSON Feed carry the same IDs;
//   - every event a calendar listed is still in it, if only as
//     cancelled, and its SEQUENCE never goes down, grows when what
//     subscribers see of it changes, and is the same in every calendar;
//   - no feed's own ID changes.
func TestIdentity(t *testing.T) {
	tests := []struct {
		name  string
		edits []func(f files)
		// renamed maps an entry's title now to the title it was published
		// with, or to "" for an entry that must have a new ID.
		renamed map[string]string
		warns   []string // what the warnings say, in order
		events  map[string]string
		// unchanged: nothing is published differently but the manifest.
		unchanged bool
	}{
		{name: "retitle a point", edits: edits(replace("2026-11-27.yaml", "title: Bonded labour case in Chennai", "title: Chennai kiln owners in court")),
			renamed: map[string]string{"Chennai kiln owners in court": "Bonded labour case in Chennai"}},
		{name: "reword a point", edits: edits(replace("2026-11-20.yaml", "Pray for the staff of the shelter", "Please pray for the staff of the shelter"))},
		{name: "retitle a bulletin", edits: edits(replace("2026-11-20.yaml", "title: Prayer for the week of 20 November", "title: Praying for justice, 20 November")),
			renamed: map[string]string{
				"Praying for justice, 20 November — 20 November 2026":         "Prayer for the week of 20 November — 20 November 2026",
				"podcast Praying for justice, 20 November — 20 November 2026": "podcast Prayer for the week of 20 November — 20 November 2026",
			}},
		{name: "rename a file", edits: edits(rename("2026-11-20.yaml", "week-47.yaml")), unchanged: true},
		{name: "move a file to a folder", edits: edits(rename("2026-11-27.yaml", "2026/11/2026-11-27.yaml")), unchanged: true},
		{name: "reorder points with ids", edits: edits(swap("2026-11-27.yaml", "  - id: manila-vigil", "  - id: chennai-court", "  - id: lima-survivors")), unchanged: false},
		{name: "reorder points without ids", edits: edits(swap("2026-11-20.yaml", "  - region: africa\n    kind: praise", "  - region: africa\n    kind: prayer", "  - region: latin-america")),
			renamed: map[string]string{"Rescue in Kenya": "Shelter staff", "Shelter staff": "Rescue in Kenya"},
			warns: []string{
				`2026-11-20.yaml:12:5: this point has no id, and so takes africa-1, which was published for another request, "Rescue in Kenya"`,
				`2026-11-20.yaml:16:5: this point has no id, and so takes africa-2, which was published for another request, "Shelter staff"`,
			}},
		{name: "insert at the top with an id", edits: edits(insert("2026-11-27.yaml", "  - id: manila-vigil", newPoint("    id: mumbai-raid\n", "south-asia")))},
		{name: "insert at the top without an id", edits: edits(insert("2026-11-20.yaml", "  - region: africa", newPoint("", "africa"))),
			renamed: map[string]string{"Raid in Mumbai": "Rescue in Kenya", "Rescue in Kenya": "Shelter staff", "Shelter staff": ""},
			warns: []string{
				`2026-11-20.yaml:12:5: this point has no id, and so takes africa-1, which was published for another request, "Rescue in Kenya": feed readers would not show this point as new, and would show "Rescue in Kenya" again as new, as africa-2`,
				`2026-11-20.yaml:16:5: this point has no id, and so takes africa-2, which was published for another request, "Shelter staff": feed readers would not show this point as new, and would show "Shelter staff" again as new, as africa-3`,
			}},
		{name: "insert while titling an old point", edits: edits(together(
			replace("2026-11-20.yaml", "title: Rescue in Kenya", "title: Twelve children rescued in Kenya"),
			insert("2026-11-20.yaml", "  - region: africa", newPoint("", "africa")))),
			renamed: map[string]string{"Raid in Mumbai": "Rescue in Kenya", "Twelve children rescued in Kenya": "Shelter staff", "Shelter staff": ""},
			warns: []string{
				`2026-11-20.yaml:12:5: this point has no id, and so takes africa-1, which was published for another request, "Rescue in Kenya": feed readers would not show this point as new, and would show "Rescue in Kenya" again as new, as africa-2`,
				`2026-11-20.yaml:16:5: this point has no id, and so takes africa-2`,
			}},
		{name: "delete a middle point", edits: edits(cut("2026-11-27.yaml", "  - id: chennai-court", "  - id: lima-survivors")),
			warns: []string{
				`bulletins/2026-11-27.yaml: the court hearing "Bonded labour hearing" is no longer published: calendars/all.ics, calendars/hearings.ics, calendars/southeast-asia.ics keep it as cancelled until 2027-01-04`,
				`published entry tag:prayer.example.org,2026-11-27:2026-11-27/chennai-court ("Bonded labour case in Chennai", bulletins/2026-11-27.yaml) is gone; if that is meant, add it to retired: in site.yaml`,
			},
			events: map[string]string{"all chennai-hearing": "1 CANCELLED", "southeast-asia chennai-hearing": "1 CANCELLED", "hearings chennai-hearing": "1 CANCELLED"}},
		{name: "replace a point", edits: edits(replace("2026-11-27.yaml",
			"title: Survivors in Lima\n    body: Praise God for three survivors in Lima who finished vocational training and started work this month.",
			"title: New law in Peru\n    body: Praise God that Peru's congress passed a law that protects children from online sexual exploitation.")),
			renamed: map[string]string{"New law in Peru": "Survivors in Lima"},
			warns: []string{
				`2026-11-27.yaml:34:5: id lima-survivors was published for another request, "Survivors in Lima": feed readers would not show this point as new; give it a new id, or, if it is "Survivors in Lima" rewritten, set updated: on the bulletin`,
			}},
		{name: "correct with updated", edits: edits(together(
			replace("2026-11-27.yaml", "title: Prayer for the week of 27 November\n", "title: Prayer for the week of 27 November\nupdated: \"2026-11-28 10:00\"\n"),
			replace("2026-11-27.yaml",
				"title: Survivors in Lima\n    body: Praise God for three survivors in Lima who finished vocational training and started work this month.",
				"title: Survivors in Peru\n    body: Praise God for four women in Arequipa who were freed from a brothel and are safe in a shelter."))),
			renamed: map[string]string{"Survivors in Peru": "Survivors in Lima"},
			events:  map[string]string{"all manila-vigil": "1 CONFIRMED", "all chennai-hearing": "1 CONFIRMED"}},
		{name: "reschedule", edits: edits(later1("latin-america", "Hearing in Santo Domingo moved", `      - id: dr-hearing
        kind: hearing
        title: Trafficking case hearing
        start: "2026-12-21 09:00"
        timezone: America/Santo_Domingo
        location: Palacio de Justicia, Santo Domingo
`)),
			events: map[string]string{"all dr-hearing": "1 CONFIRMED", "latin-america dr-hearing": "1 CONFIRMED"}},
		{name: "cancel and un-cancel", edits: edits(
			replace("2026-11-20.yaml", "        location: Palacio de Justicia, Santo Domingo\n", "        location: Palacio de Justicia, Santo Domingo\n        status: cancelled\n"),
			replace("2026-11-20.yaml", "        status: cancelled\n", "")),
			events: map[string]string{"all dr-hearing": "2 CONFIRMED", "latin-america dr-hearing": "2 CONFIRMED", "hearings dr-hearing": "2 CONFIRMED"}},
		{name: "cancel", edits: edits(
			replace("2026-11-20.yaml", "        location: Palacio de Justicia, Santo Domingo\n", "        location: Palacio de Justicia, Santo Domingo\n        status: cancelled\n")),
			events: map[string]string{"all dr-hearing": "1 CANCELLED", "latin-america dr-hearing": "1 CANCELLED"}},
		{name: "move a region by a later bulletin", edits: edits(later1("africa", "A hearing for our partners in Africa", drHearing)),
			warns:  []string{`bulletins/2026-12-04.yaml:13:9: this court hearing was in calendars/latin-america.ics: it is kept there as cancelled until 2027-01-04`},
			events: map[string]string{"latin-america dr-hearing": "1 CANCELLED", "africa dr-hearing": "1 CONFIRMED", "all dr-hearing": "1 CONFIRMED"}},
		{name: "move a region and back", edits: edits(
			later1("africa", "A hearing for our partners in Africa", drHearing),
			replace("2026-12-04.yaml", "    region: africa", "    region: latin-america")),
			warns:  []string{`bulletins/2026-12-04.yaml:13:9: this court hearing was in calendars/africa.ics: it is kept there as cancelled until 2027-01-04`},
			events: map[string]string{"latin-america dr-hearing": "2 CONFIRMED", "africa dr-hearing": "2 CANCELLED", "all dr-hearing": "2 CONFIRMED"}},
		{name: "correct a bulletin after it moved an event", edits: edits(
			later1("africa", "A hearing for our partners in Africa", drHearing),
			replace("2026-12-04.yaml", "title: Prayer for the week of 4 December\n", "title: Prayer for the week of 4 December\nupdated: \"2026-12-05 06:00\"\n")),
			events: map[string]string{"africa dr-hearing": "2 CONFIRMED", "latin-america dr-hearing": "2 CANCELLED"}},
		{name: "correct a region in place", edits: edits(replace("2026-11-27.yaml", "  - id: chennai-court\n    region: southeast-asia", "  - id: chennai-court\n    region: south-asia")),
			warns:  []string{`bulletins/2026-11-27.yaml:28:9: this court hearing was in calendars/southeast-asia.ics: it is kept there as cancelled until 2027-01-04`},
			events: map[string]string{"southeast-asia chennai-hearing": "1 CANCELLED", "south-asia chennai-hearing": "1 CONFIRMED", "all chennai-hearing": "1 CONFIRMED"}},
		{name: "move the site to another host", edits: edits(replace("site.yaml", "base_url: https://prayer.example.org/", "base_url: https://pray.example.net/"))},
		{name: "move the site to another path", edits: edits(replace("site.yaml", "base_url: https://prayer.example.org/", "base_url: https://example.org/prayer/"))},
		{name: "add a bulletin", edits: edits(later1("africa", "Rescue in Ghana", ""))},
		{name: "remove a bulletin", edits: edits(remove("2026-11-20.yaml")),
			warns: []string{
				`bulletins/2026-11-20.yaml: the court hearing "Trafficking case hearing" is no longer published: calendars/all.ics, calendars/hearings.ics, calendars/latin-america.ics keep it as cancelled until 2027-01-04`,
				`published entry tag:prayer.example.org,2026-11-20:2026-11-20 ("Prayer for the week of 20 November", bulletins/2026-11-20.yaml) is gone`,
				`published entry tag:prayer.example.org,2026-11-20:2026-11-20/africa-1 ("Rescue in Kenya", bulletins/2026-11-20.yaml) is gone`,
				`published entry tag:prayer.example.org,2026-11-20:2026-11-20/africa-2 ("Shelter staff", bulletins/2026-11-20.yaml) is gone`,
				`published entry tag:prayer.example.org,2026-11-20:2026-11-20/latin-america-1 ("Hearing in Santo Domingo", bulletins/2026-11-20.yaml) is gone`,
			},
			events: map[string]string{"all dr-hearing": "1 CANCELLED", "latin-america dr-hearing": "1 CANCELLED"}},
		{name: "make a point private", edits: edits(replace("2026-11-27.yaml", "  - id: chennai-court\n", "  - id: chennai-court\n    private: true\n")),
			warns: []string{
				`bulletins/2026-11-27.yaml: the court hearing "Bonded labour hearing" is no longer published: calendars/all.ics, calendars/hearings.ics, calendars/southeast-asia.ics keep it as cancelled until 2027-01-04`,
				`published entry tag:prayer.example.org,2026-11-27:2026-11-27/chennai-court ("Bonded labour case in Chennai", bulletins/2026-11-27.yaml) is gone`,
			},
			events: map[string]string{"all chennai-hearing": "1 CANCELLED", "southeast-asia chennai-hearing": "1 CANCELLED"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := files(maps.Clone(identitySite))
			out := filepath.Join(t.TempDir(), "public")
			before := publish(t, f, out, identityNow)
			if len(before.warns) > 0 {
				t.Fatalf("the site warns before any edit:\n%s", strings.Join(before.warns, "\n"))
			}
			after := before
			for _, edit := range tt.edits {
				edit(f)
				next := publish(t, f, out, identityNow)
				checkCalendars(t, after, next)
				after = next
			}
			checkIdentity(t, before, after, tt.renamed, tt.warns)
			for key, want := range tt.events {
				file, uid, _ := strings.Cut(key, " ")
				if got := after.events["calendars/"+file+".ics"][uid+"@prayer.example.org"]; got != want {
					t.Errorf("%s in calendars/%s.ics: %q, want %q", uid, file, got, want)
				}
			}
			if tt.unchanged && !maps.Equal(before.files, after.files) {
				for p := range after.files {
					if before.files[p] != after.files[p] {
						t.Errorf("%s changed", p)
					}
				}
			}
		})
	}
}

// TestCancelledCopies follows the events of a deleted bulletin: the
// calendars keep them as cancelled for cancelled_days from the build that
// first found them gone, then drop them; when the bulletin comes back,
// they come back with a higher SEQUENCE. An event of the past ages out of
// the calendars with no cancelled copy.
func TestCancelledCopies(t *testing.T) {
	f := files(maps.Clone(identitySite))
	out := filepath.Join(t.TempDir(), "public")
	day := func(n int) time.Time { return identityNow.AddDate(0, 0, n) }
	publish(t, f, out, day(0))
	kept := files{"2026-11-27.yaml": f["2026-11-27.yaml"]}
	steps := []struct {
		name  string
		edit  func(files)
		now   time.Time
		notes int    // warnings about calendars
		want  string // chennai-hearing in calendars/southeast-asia.ics
	}{
		{"delete the bulletin", remove("2026-11-27.yaml"), day(0), 2, "1 CANCELLED"},
		{"a day later", nil, day(1), 0, "1 CANCELLED"},
		{"cancelled_days later", nil, day(30), 0, "1 CANCELLED"},
		{"a day after that", nil, day(31), 0, ""},
		{"put the bulletin back", func(f files) { maps.Copy(f, kept) }, day(31), 0, "2 CONFIRMED"},
		{"past calendar_past_days", nil, time.Date(2027, 3, 20, 12, 0, 0, 0, time.UTC), 0, ""},
	}
	for _, step := range steps {
		if step.edit != nil {
			step.edit(f)
		}
		s := publish(t, f, out, step.now)
		if got := s.events["calendars/southeast-asia.ics"]["chennai-hearing@prayer.example.org"]; got != step.want {
			t.Errorf("%s: chennai-hearing is %q, want %q", step.name, got, step.want)
		}
		notes := 0
		for _, w := range s.warns {
			if strings.Contains(w, "as cancelled until") {
				notes++
			}
		}
		if notes != step.notes {
			t.Errorf("%s: %d warnings about calendars, want %d:\n%s", step.name, notes, step.notes, strings.Join(s.warns, "\n"))
		}
	}
	if data, _ := os.ReadFile(filepath.Join(out, "calendars", "all.ics")); strings.Contains(string(data), "dr-hearing") {
		t.Errorf("an event of the past stays in the calendar:\n%s", data)
	}
}

// checkIdentity checks what holds of every rebuild (see TestIdentity).
func checkIdentity(t *testing.T, before, after seen, renamed map[string]string, warns []string) {
	t.Helper()
	if len(after.warns) != len(warns) {
		t.Errorf("%d warnings, want %d:\n%s", len(after.warns), len(warns), strings.Join(after.warns, "\n"))
	}
	for i, w := range warns {
		if i < len(after.warns) && !strings.Contains(after.warns[i], w) {
			t.Errorf("warning %d:\n%s\nwant it to hold:\n%s", i+1, after.warns[i], w)
		}
	}
	warned := strings.Join(after.warns, "\n")

	idOf := map[string]string{} // title → entry ID, before
	for id, title := range before.entries {
		idOf[title] = id
	}
	for id, title := range after.entries {
		was, ok := renamed[title]
		if !ok {
			was = title
		}
		switch old, published := idOf[was]; {
		case was == "" || !published:
			if _, taken := before.entries[id]; taken {
				t.Errorf("%q has ID %s, published before for %q", title, id, before.entries[id])
			}
		case id != old:
			t.Errorf("%q has ID %s, published as %s", title, id, old)
		}
	}
	for id, title := range before.entries {
		if _, ok := after.entries[id]; !ok && !strings.Contains(warned, pointOf(id)) {
			t.Errorf("entry %s (%q) vanished without a warning", id, title)
		}
	}
	for file, id := range before.feedIDs {
		if now, ok := after.feedIDs[file]; ok && now != id {
			t.Errorf("%s: the feed's ID changed from %q to %q", file, id, after.feedIDs[file])
		}
	}
	checkCalendars(t, before, after)
}

// checkCalendars checks what holds of the calendars from one build to
// the next (see TestIdentity).
func checkCalendars(t *testing.T, before, after seen) {
	t.Helper()
	seqs := map[string]string{} // UID → SEQUENCE, in every calendar
	for file, events := range after.events {
		for uid, got := range events {
			seq, _, _ := strings.Cut(got, " ")
			if s, ok := seqs[uid]; ok && s != seq {
				t.Errorf("%s has SEQUENCE %s in %s and %s elsewhere", uid, seq, file, s)
			}
			seqs[uid] = seq
		}
	}
	for file, events := range before.events {
		for uid, was := range events {
			got, ok := after.events[file][uid]
			if !ok {
				t.Errorf("%s: %s vanished from the calendar", file, uid)
				continue
			}
			var s0, s1 int
			fmt.Sscan(was, &s0)
			fmt.Sscan(got, &s1)
			switch {
			case s1 < s0:
				t.Errorf("%s: %s went from SEQUENCE %d to %d", file, uid, s0, s1)
			case s1 == s0 && before.vevents[file][uid] != after.vevents[file][uid]:
				t.Errorf("%s: %s changed with the same SEQUENCE %d:\n%s\nwas\n%s", file, uid, s1, after.vevents[file][uid], before.vevents[file][uid])
			}
		}
	}
}

// pointOf returns the tail of an entry ID by which warnings name it.
func pointOf(id string) string { return id[strings.LastIndex(id, ":")+1:] }

// files are a source folder's files by path; the edits work on them.
type files map[string]string

// edits are the steps of a scenario, each followed by a build.
func edits(e ...func(files)) []func(files) { return e }

// together makes edits one step.
func together(e ...func(files)) func(files) {
	return func(f files) {
		for _, edit := range e {
			edit(f)
		}
	}
}

func replace(file, old, new string) func(files) {
	return func(f files) {
		if !strings.Contains(f[file], old) {
			panic(fmt.Sprintf("%s does not hold %q", file, old))
		}
		f[file] = strings.Replace(f[file], old, new, 1)
	}
}

func rename(from, to string) func(files) {
	return func(f files) { f[to] = f[from]; delete(f, from) }
}

func remove(file string) func(files) { return func(f files) { delete(f, file) } }

// insert puts text before the line that begins with at.
func insert(file, at, text string) func(files) {
	return replace(file, at, text+at)
}

// cut removes the text from the line that begins with from to the one
// that begins with to.
func cut(file, from, to string) func(files) {
	return func(f files) {
		i, j := strings.Index(f[file], from), strings.Index(f[file], to)
		f[file] = f[file][:i] + f[file][j:]
	}
}

// swap exchanges the text from a to b with the text from b to c.
func swap(file, a, b, c string) func(files) {
	return func(f files) {
		s := f[file]
		i, j, k := strings.Index(s, a), strings.Index(s, b), strings.Index(s, c)
		f[file] = s[:i] + s[j:k] + s[i:j] + s[k:]
	}
}

// newPoint returns a point about a raid in Mumbai, with the given id line.
func newPoint(id, region string) string {
	return "  - " + strings.TrimPrefix(id+"    region: "+region+"\n", "    ") +
		"    kind: praise\n    title: Raid in Mumbai\n    body: Praise God for a raid in Mumbai that freed nine women from a brothel in Kamathipura.\n"
}

// later1 adds the later bulletin with one point of the region, titled,
// and the events given; the point has an id, as prayerfeed new writes.
func later1(region, title, events string) func(files) {
	return func(f files) {
		pt := "  - id: later\n    region: " + region + "\n    kind: prayer\n    title: " + title + "\n    body: Pray for " + strings.ToLower(title) + ", and for everyone who works for justice there.\n"
		if events != "" {
			pt += "    events:\n" + events
		}
		f["2026-12-04.yaml"] = later + pt
	}
}

// drHearing is the Santo Domingo hearing as a later bulletin mentions it.
const drHearing = `      - id: dr-hearing
        kind: hearing
        title: Trafficking case hearing
        start: "2026-12-14 09:00"
        timezone: America/Santo_Domingo
        location: Palacio de Justicia, Santo Domingo
`

// publish builds the source into out, as build does into the previous
// output, and reads the site back as subscribers' clients do.
func publish(t *testing.T, f files, out string, now time.Time) seen {
	t.Helper()
	fsys := fstest.MapFS{}
	for p, data := range f {
		fsys[p] = &fstest.MapFile{Data: []byte(data)}
	}
	r, err := build.Run(build.Options{Src: fsys, Name: "bulletins", Now: build.At(now), Out: out})
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	s := seen{entries: map[string]string{}, feedIDs: map[string]string{},
		events: map[string]map[string]string{}, vevents: map[string]map[string]string{}, files: map[string]string{}}
	for _, w := range append(r.Warnings, r.Changed...) {
		s.warns = append(s.warns, w.Error())
	}
	ids := map[string][]string{} // feed file → its entry IDs
	parser := gofeed.NewParser()
	diary := map[string]string{} // the diary feeds' entries: ID → title
	err = filepath.WalkDir(out, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(out, path)
		rel = filepath.ToSlash(rel)
		data, err := os.ReadFile(path)
		if err != nil || rel == build.ManifestFile {
			return err
		}
		s.files[rel] = string(data)
		switch ext := filepath.Ext(rel); {
		case strings.HasPrefix(rel, "feeds/") && (ext == ".rss" || ext == ".atom" || ext == ".json"):
			fd, err := parser.ParseString(string(data))
			if err != nil {
				return fmt.Errorf("%s: %v", rel, err)
			}
			s.feedIDs[rel] = feedID(fd, string(data))
			for _, it := range fd.Items {
				id, title := it.GUID, it.Title
				if strings.HasPrefix(rel, "feeds/diary.") {
					// A day of the diary names its day and its point:
					// its day may take another point, and it goes.
					diary[id] = title
					continue
				}
				if rel == "feeds/podcast.rss" {
					id, title = "podcast "+id, "podcast "+title
				}
				if old, ok := s.entries[id]; ok && old != title {
					return fmt.Errorf("%s: %s is %q here and %q in another feed", rel, id, title, old)
				}
				s.entries[id] = title
				ids[strings.TrimSuffix(rel, ext)] = append(ids[strings.TrimSuffix(rel, ext)], ext+" "+id)
			}
		case strings.HasPrefix(rel, "calendars/") && ext == ".ics":
			cal, err := ics.ParseCalendar(strings.NewReader(string(data)))
			if err != nil {
				return fmt.Errorf("%s: %v", rel, err)
			}
			s.events[rel], s.vevents[rel] = map[string]string{}, map[string]string{}
			for _, e := range cal.Events() {
				get := func(p ics.ComponentProperty) string {
					if v := e.GetProperty(p); v != nil {
						return v.Value
					}
					return ""
				}
				uid := get(ics.ComponentPropertyUniqueId)
				s.events[rel][uid] = get(ics.ComponentPropertySequence) + " " + get(ics.ComponentPropertyStatus)
				var what []string
				for _, p := range []ics.ComponentProperty{ics.ComponentPropertyDtStart, ics.ComponentPropertyDtEnd, ics.ComponentPropertyRrule,
					ics.ComponentPropertyExdate, ics.ComponentPropertySummary, ics.ComponentPropertyLocation, ics.ComponentPropertyStatus} {
					what = append(what, get(p))
				}
				s.vevents[rel][uid] = strings.Join(what, "\n")
			}
		}
		return nil
	})
	for id := range diary {
		// Each stands for a point a region's feed publishes.
		_, point, _ := strings.Cut(id, ":diary/")
		found := false
		for e := range s.entries {
			found = found || strings.HasSuffix(e, ":"+point)
		}
		if !found {
			t.Errorf("diary entry %s stands for no published point", id)
		}
	}
	if err != nil {
		t.Fatal(err)
	}
	for feed, list := range ids {
		byFormat := map[string][]string{}
		for _, l := range list {
			ext, id, _ := strings.Cut(l, " ")
			byFormat[ext] = append(byFormat[ext], id)
		}
		for ext, got := range byFormat {
			if want := byFormat[".rss"]; feed != "feeds/podcast" && !slices.Equal(got, want) {
				t.Errorf("%s%s has IDs %q, and %s.rss %q", feed, ext, got, feed, want)
			}
		}
	}
	return s
}

// feedID returns a feed's own ID: Atom's id, the podcast's guid, or
// JSON Feed's and RSS's address.
func feedID(fd *gofeed.Feed, text string) string {
	if m := regexp.MustCompile(`<podcast:guid>([^<]*)</podcast:guid>`).FindStringSubmatch(text); m != nil {
		return m[1]
	}
	if m := regexp.MustCompile(`(?s)<feed[^>]*>.*?<id>([^<]*)</id>`).FindStringSubmatch(text); m != nil {
		return m[1]
	}
	return "" // RSS and JSON Feed have none but their address, which moves with the site
}

// TestLeavingEdges follows events out of the calendars at the edges: a
// series still running when its bulletin goes, a cancelled event already
// past its window, a region taken out of site.yaml and put back, and a
// manifest edited by hand.
func TestLeavingEdges(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 12, 0, 0, 0, time.UTC) }
	type step struct {
		edit  func(files)
		now   time.Time
		want  map[string]string // "calendar uid" → "SEQUENCE STATUS", or "" for none
		warns []string          // what the warnings about calendars say
	}
	tests := []struct {
		name  string
		steps []step
	}{
		{"a series still running when its bulletin goes", []step{
			{replace("site.yaml", "regions:", "calendar_past_days: 7\nregions:"), day(2027, 1, 10), map[string]string{"southeast-asia manila-vigil": "0 CONFIRMED"}, nil},
			{remove("2026-11-27.yaml"), day(2027, 1, 10), map[string]string{"southeast-asia manila-vigil": "1 CANCELLED", "southeast-asia chennai-hearing": ""},
				[]string{`the prayer gathering "Weekly prayer vigil" is no longer published: calendars/all.ics, calendars/gatherings.ics, calendars/southeast-asia.ics keep it as cancelled until 2027-02-09`}},
		}},
		{"a cancelled event past its window, then its bulletin goes", []step{
			{replace("2026-11-20.yaml", "        location: Palacio de Justicia, Santo Domingo\n", "        location: Palacio de Justicia, Santo Domingo\n        status: cancelled\n"),
				day(2027, 1, 13), map[string]string{"latin-america dr-hearing": "1 CANCELLED"}, nil},
			{nil, day(2027, 1, 14), map[string]string{"latin-america dr-hearing": ""}, nil},
			{remove("2026-11-20.yaml"), day(2027, 1, 14), map[string]string{"latin-america dr-hearing": ""}, nil},
		}},
		{"a region taken out and put back", []step{
			{nil, identityNow, map[string]string{"southeast-asia manila-vigil": "0 CONFIRMED"}, nil},
			{together(replace("site.yaml", "  - id: southeast-asia\n    name: Southeast Asia\n", ""),
				func(f files) {
					f["2026-11-27.yaml"] = strings.ReplaceAll(f["2026-11-27.yaml"], "region: southeast-asia", "region: south-asia")
				}),
				identityNow, map[string]string{"south-asia manila-vigil": "0 CONFIRMED"},
				[]string{"calendars/southeast-asia.ics is no longer published, as its region is gone from site.yaml, and its subscribers' apps keep the 2 events it listed"}},
			{replace("site.yaml", "  - id: south-asia\n", "  - id: southeast-asia\n    name: Southeast Asia\n  - id: south-asia\n"), identityNow,
				map[string]string{"southeast-asia manila-vigil": "1 CANCELLED", "southeast-asia chennai-hearing": "1 CANCELLED", "south-asia manila-vigil": "1 CONFIRMED"},
				[]string{"this prayer gathering was in calendars/southeast-asia.ics", "this court hearing was in calendars/southeast-asia.ics"}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := files(maps.Clone(identitySite))
			out := filepath.Join(t.TempDir(), "public")
			publish(t, f, out, identityNow)
			for i, st := range tt.steps {
				if st.edit != nil {
					st.edit(f)
				}
				s := publish(t, f, out, st.now)
				for key, want := range st.want {
					file, uid, _ := strings.Cut(key, " ")
					if got := s.events["calendars/"+file+".ics"][uid+"@prayer.example.org"]; got != want {
						t.Errorf("step %d: %s in calendars/%s.ics: %q, want %q", i+1, uid, file, got, want)
					}
				}
				var notes []string
				for _, w := range s.warns {
					if strings.Contains(w, "calendars/") {
						notes = append(notes, w)
					}
				}
				if len(notes) != len(st.warns) {
					t.Errorf("step %d: warnings about calendars:\n%s\nwant %d", i+1, strings.Join(notes, "\n"), len(st.warns))
				}
				for j, w := range st.warns {
					if j < len(notes) && !strings.Contains(notes[j], w) {
						t.Errorf("step %d: warning %q, want it to hold %q", i+1, notes[j], w)
					}
				}
			}
		})
	}
}

// TestManifestEditedByHand: a manifest that cannot be read stops the
// build, which writes nothing, rather than let SEQUENCEs drop; a
// SEQUENCE out of iCalendar's range is held within it.
func TestManifestEditedByHand(t *testing.T) {
	f := files(maps.Clone(identitySite))
	out := filepath.Join(t.TempDir(), "public")
	publish(t, f, out, identityNow)
	path := filepath.Join(out, build.ManifestFile)
	data, _ := os.ReadFile(path)
	good := string(data)
	os.WriteFile(path, []byte(strings.Replace(good, `"kind": "hearing"`, `"kind": 1`, 1)), 0o644)
	before := tree(t, out)
	_, err := build.Run(build.Options{Src: fstest.MapFS{"site.yaml": {Data: []byte(f["site.yaml"])}, "a.yaml": {Data: []byte(f["2026-11-20.yaml"])}},
		Name: "bulletins", Now: build.At(identityNow), Out: out})
	if err == nil || !strings.Contains(err.Error(), "restore it (a copy is on the live site) or, to start afresh, delete it") {
		t.Errorf("build with a broken manifest: %v", err)
	}
	if tree(t, out) != before {
		t.Errorf("build with a broken manifest wrote files")
	}
	os.WriteFile(path, []byte(regexp.MustCompile(`"sequence": \d+`).ReplaceAllString(
		strings.Replace(good, `"state"`, `"sequence": 9223372036854775807, "state"`, -1), `"sequence": 9223372036854775807`)), 0o644)
	later1("africa", "A hearing for our partners in Africa", drHearing)(f)
	s := publish(t, f, out, identityNow)
	if got := s.events["calendars/africa.ics"]["dr-hearing@prayer.example.org"]; got != "2147483647 CONFIRMED" {
		t.Errorf("dr-hearing: %q, want SEQUENCE 2147483647", got)
	}
}

// TestOlderManifests rebuilds over manifests written before they kept
// what a calendar needs: one without the last day calendars list an
// event, and one of format 2, whose events had only a SEQUENCE and a
// state. Neither may lose a cancelled copy or raise a SEQUENCE for
// nothing.
func TestOlderManifests(t *testing.T) {
	rewrite := func(t *testing.T, out string, change func(*build.Record)) {
		path := filepath.Join(out, build.ManifestFile)
		m, err := build.ReadManifest(path)
		if err != nil {
			t.Fatal(err)
		}
		for uid, r := range m.Events {
			change(&r)
			m.Events[uid] = r
		}
		data, _ := json.Marshal(m)
		os.WriteFile(path, data, 0o644)
	}
	t.Run("no listed day", func(t *testing.T) {
		f := files(maps.Clone(identitySite))
		out := filepath.Join(t.TempDir(), "public")
		publish(t, f, out, identityNow)
		rewrite(t, out, func(r *build.Record) { r.Time.Listed = "" })
		remove("2026-11-27.yaml")(f)
		s := publish(t, f, out, identityNow)
		if got := s.events["calendars/southeast-asia.ics"]["chennai-hearing@prayer.example.org"]; got != "1 CANCELLED" {
			t.Errorf("chennai-hearing: %q, want 1 CANCELLED", got)
		}
	})
	t.Run("format 2", func(t *testing.T) {
		f := files(maps.Clone(identitySite))
		replace("2026-11-27.yaml", "title: Prayer for the week of 27 November\n", "title: Prayer for the week of 27 November\nupdated: \"2026-11-28 10:00\"\n")(f)
		out := filepath.Join(t.TempDir(), "public")
		publish(t, f, out, identityNow)
		rewrite(t, out, func(r *build.Record) { r.Time, r.Calendars, r.Revisions = nil, nil, 0 })
		s := publish(t, f, out, identityNow)
		if got := s.events["calendars/all.ics"]["manila-vigil@prayer.example.org"]; got != "1 CONFIRMED" {
			t.Errorf("manila-vigil: %q, want 1 CONFIRMED, as before", got)
		}
	})
}
