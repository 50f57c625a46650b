// Package corpus writes folders of valid, realistic bulletins for
// measuring prayerfeed: weekly bulletins going back from a date, five to
// seven points each, about one point in four announcing an event, events
// across many zones, some recurring, some rescheduled, postponed or
// cancelled in later bulletins.
package corpus

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

var zones = []string{
	"America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "America/Santo_Domingo",
	"America/Guatemala", "America/La_Paz", "America/Sao_Paulo", "America/Santiago", "Europe/London", "Europe/Berlin",
	"Africa/Kampala", "Africa/Nairobi", "Africa/Accra", "Africa/Casablanca", "Asia/Kolkata", "Asia/Dhaka",
	"Asia/Manila", "Asia/Bangkok", "Asia/Phnom_Penh", "Asia/Tehran", "Australia/Sydney", "Pacific/Auckland",
}

var words = strings.Fields(`pray for the team as they prepare hearings court justice survivors families community
police officers partners strength wisdom courage healing restoration protection children women young men local
leaders church volunteers aftercare social workers investigators lawyers judges trial evidence witnesses safety
freedom hope peace mercy grace rescue shelter school village city region week month year government partnership
training workshop prosecution conviction sentence appeal support care trauma recovery dignity rights land labor`)

var places = []string{"Palace of Justice", "District Court", "Regional Court", "Magistrates' Court", "a church hall", "the community centre", "St Mark's parish hall"}

// Write writes a site of n bulletins in the given number of regions into
// the folder dir, its text drawn from a generator seeded with seed. The
// same arguments always give the same files.
func Write(dir string, n, regions int, seed uint64) error {
	r := rand.New(rand.NewPCG(seed, 42))
	var site strings.Builder
	site.WriteString("title: Corpus Prayer Bulletin\ndescription: A generated corpus for measuring prayerfeed.\n")
	site.WriteString("base_url: https://corpus.example.org/\nid_domain: corpus.example.org\ntimezone: America/New_York\n")
	site.WriteString("organization:\n  name: Corpus Org\n  email: prayer@corpus.example.org\n")
	site.WriteString("about: |\n  A generated corpus. [About us](about/).\nregions:\n")
	for i := range regions {
		fmt.Fprintf(&site, "  - id: region-%d\n    name: Region %d\n    description: The partners of region %d\n", i+1, i+1, i+1)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "site.yaml"), []byte(site.String()), 0o644); err != nil {
		return err
	}
	sentence := func(min, max int) string {
		k := min + r.IntN(max-min+1)
		w := make([]string, k)
		for i := range w {
			w[i] = words[r.IntN(len(words))]
		}
		s := strings.Join(w, " ")
		return strings.ToUpper(s[:1]) + s[1:] + "."
	}
	// Weekly, as one organisation publishes; daily past 1,500 bulletins,
	// as a network of partners would, so that dates stay in this century.
	step := 7
	if n > 1500 {
		step = 1
	}
	last := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)
	first := last.AddDate(0, 0, -step*(n-1))
	// Events announced, to move, postpone or cancel later, as staff do:
	// the same event keeps its title, zone and place; a postponed or
	// cancelled one keeps its time, and a moved one is confirmed.
	type event struct {
		id, kind, title, zone, place, repeat string
		start, end                           time.Time
	}
	var open []*event
	for i := range n {
		day := first.AddDate(0, 0, step*i)
		used := map[string]bool{}
		var b strings.Builder
		fmt.Fprintf(&b, "date: %s\ntitle: Prayer Request\nscripture:\n  text: %s\n  reference: Psalm %d:%d\nitems:\n",
			day.Format("2006-01-02"), sentence(12, 30), 1+r.IntN(150), 1+r.IntN(20))
		for range 5 + r.IntN(3) {
			fmt.Fprintf(&b, "  - region: region-%d\n    kind: %s\n    title: %s\n    body: |\n      %s %s\n\n      %s *%s*\n",
				1+r.IntN(regions), []string{"praise", "prayer"}[r.IntN(2)], strings.TrimSuffix(sentence(4, 9), "."),
				sentence(15, 40), sentence(10, 30), sentence(10, 30), strings.TrimSuffix(sentence(2, 4), "."))
			if r.IntN(4) != 0 {
				continue
			}
			status := "confirmed"
			var e *event
			// Only an event still to come is moved, postponed or cancelled.
			open = slices.DeleteFunc(open, func(e *event) bool { return !e.start.After(day.AddDate(0, 0, 1)) })
			if len(open) > 0 && r.IntN(3) == 0 {
				// A later mention of an earlier event: moved, postponed or cancelled.
				j := r.IntN(len(open))
				e = open[j]
				if used[e.id] {
					continue // not twice in one bulletin, and not changed unless told
				}
				switch status = []string{"confirmed", "postponed", "cancelled"}[r.IntN(3)]; status {
				case "confirmed":
					d := e.end.Sub(e.start)
					e.start = day.AddDate(0, 0, 3+r.IntN(40)).Add(time.Duration(8+r.IntN(11))*time.Hour + time.Duration(15*r.IntN(4))*time.Minute)
					e.end = e.start.Add(d)
				case "cancelled":
					open = append(open[:j], open[j+1:]...)
				}
			} else {
				id := fmt.Sprintf("event-%d", i*10+r.IntN(10))
				if used[id] {
					continue
				}
				e = &event{id: id, kind: "hearing", title: strings.TrimSuffix(sentence(3, 6), "."),
					zone: zones[r.IntN(len(zones))], place: places[r.IntN(len(places))]}
				if strings.HasSuffix(e.id, "5") || strings.HasSuffix(e.id, "7") {
					e.kind = "gathering"
				}
				e.start = day.AddDate(0, 0, 3+r.IntN(40)).Add(time.Duration(8+r.IntN(11))*time.Hour + time.Duration(15*r.IntN(4))*time.Minute)
				e.end = e.start.Add(time.Duration(1+r.IntN(3)) * time.Hour)
				if e.kind == "gathering" && r.IntN(3) == 0 {
					e.repeat = fmt.Sprintf("        repeat:\n          every: %s\n          until: %s\n", []string{"week", "2 weeks", "month"}[r.IntN(3)], e.start.AddDate(0, 3, 0).Format("2006-01-02"))
				}
				open = append(open, e)
				if len(open) > 50 {
					open = open[1:]
				}
			}
			if used[e.id] {
				continue
			}
			used[e.id] = true
			b.WriteString("    events:\n")
			fmt.Fprintf(&b, "      - id: %s\n        kind: %s\n        title: %s\n        start: \"%s\"\n        end: \"%s\"\n        timezone: %s\n        location: %s\n        status: %s\n%s",
				e.id, e.kind, e.title, e.start.Format("2006-01-02 15:04"), e.end.Format("15:04"), e.zone, e.place, status, e.repeat)
		}
		p := filepath.Join(dir, day.Format("2006"), day.Format("2006-01-02")+".yaml")
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
			return err
		}
	}
	return nil
}
