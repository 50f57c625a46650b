package build

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
)

// CompareIDs compares the model's feed entries and events with those the
// previous manifest says were published, and warns of every published ID
// that would let subscribers down:
//
//   - one that now stands for another request (its point's text is not
//     recognisably the one published, and its bulletin was not corrected
//     with updated since): readers would not show the request as new;
//   - one that is gone while its request is still there under another ID:
//     readers would show it again as new;
//   - one that is gone altogether, unless site.yaml retires it.
//
// A warning about a point stands at the point's position in its file. A
// build with Options.Strict fails on any of them.
//
// CompareIDs also returns what the next manifest must go on remembering
// of each ID it warned of, as it was published: a warning stands, build
// after build, until the writer mends its cause, retires the ID, or
// marks the bulletin corrected.
func (m *Model) CompareIDs(prev *Manifest) (bulletin.ErrorList, *Manifest) {
	s := m.Site
	var warns, unplaced bulletin.ErrorList
	kept := &Manifest{Entries: map[string]Entry{}}
	retired := map[string]bool{} // a bulletin's ID retires its points' too
	for _, id := range s.Retired {
		retired[id] = true
	}
	isRetired := func(id string) bool {
		bid, _, _ := strings.Cut(id, "/")
		return retired[id] || retired[bid]
	}

	// The current points and bulletins by entry ID; the points also by
	// the file and the bulletin they are in, where a request is looked
	// for when its ID changed.
	points := map[string]*bulletin.Point{}
	near := map[string][]string{} // file or bulletin entry ID → point entry IDs
	bulletins := map[string]*bulletin.Bulletin{}
	for _, b := range m.Bulletins {
		bid := s.EntryID(b)
		bulletins[bid] = b
		for _, pt := range b.Points {
			id := s.PointEntryID(pt)
			points[id] = pt
			near[bid] = append(near[bid], id)
			near[b.Pos.File] = append(near[b.Pos.File], id)
		}
	}
	// says returns whether the text of the point at id is what the
	// published entry e said.
	says := func(id string, e Entry) bool {
		p := points[id]
		if sk, err := bulletin.ParseSketch(e.Sketch); err == nil {
			return sk.Same(p.Sketch)
		}
		return p.Title == e.Title // a manifest before format 3
	}
	// whereNow returns the ID of a point other than not, near where the
	// published point at id was, that says what it said, preferring one
	// whose ID was never published; or "".
	whereNow := func(id string, e Entry, not string) string {
		bid, _, _ := strings.Cut(id, "/")
		found := ""
		for _, cand := range slices.Concat(near[bid], near[e.File]) {
			if cand == not || cand == id || !says(cand, e) {
				continue
			}
			if _, published := prev.Entries[cand]; !published {
				return cand
			}
			if found == "" {
				found = cand
			}
		}
		return found
	}

	// gone says where and what to warn of the published entry id, e, that
	// the model no longer has.
	gone := func(id string, e Entry) (bulletin.Pos, string) {
		if strings.Contains(id, "/") {
			if now := whereNow(id, e, ""); now != "" {
				pt := points[now]
				return pt.Pos, fmt.Sprintf("this point was published as %s: feed readers would show it again as new; give it back its id: id: %s",
					pointID(id), pointID(id))
			}
		}
		return bulletin.Pos{}, fmt.Sprintf("published entry %s (%q, %s) is gone; if that is meant, add it to retired: in site.yaml", id, e.Title, e.File)
	}

	// A bulletin whose date or id changed changes the IDs of all its
	// points too: one warning says so, where it stands.
	moved := map[string]bool{} // published bulletin IDs now under another
	for _, id := range slices.Sorted(maps.Keys(prev.Entries)) {
		e := prev.Entries[id]
		if strings.Contains(id, "/") || isRetired(id) || bulletins[id] != nil {
			continue
		}
		for _, bid := range slices.Sorted(maps.Keys(bulletins)) {
			if b := bulletins[bid]; b.Pos.File == e.File {
				if _, published := prev.Entries[bid]; !published {
					warns.Add(b.Pos, "this bulletin was published as %s: its date or id changed, which changes the IDs of it and of its points, so feed readers would show them all again as new; if that is meant, add %s to retired: in site.yaml",
						id, id)
					moved[id] = true
					for pid, pe := range prev.Entries {
						if pid == id || strings.HasPrefix(pid, id+"/") {
							kept.Entries[pid] = pe
						}
					}
				}
				break
			}
		}
	}

	for _, id := range slices.Sorted(maps.Keys(prev.Entries)) {
		e := prev.Entries[id]
		if bid, _, _ := strings.Cut(id, "/"); isRetired(id) || moved[bid] {
			continue
		}
		if pt, ok := points[id]; ok {
			// The ID stays: does it still stand for the same request?
			b := pt.Bulletin
			if says(id, e) || !b.Updated.IsZero() && b.Updated.UTC().Format(time.RFC3339) != e.Updated {
				continue // the same, or rewritten and the bulletin marked corrected
			}
			kept.Entries[id] = e
			again := ""
			if now := whereNow(id, e, id); now != "" {
				again = fmt.Sprintf(", and would show %q again as new, as %s", e.Title, pointID(now))
			}
			if pt.IDAuto {
				warns.Add(pt.Pos, "this point has no id, and so takes %s, which was published for another request, %q: feed readers would not show this point as new%s; give the points of this bulletin ids of their own (prayerfeed ids writes them)",
					pt.ID, e.Title, again)
			} else {
				warns.Add(pt.Pos, "id %s was published for another request, %q: feed readers would not show this point as new%s; give it a new id, or, if it is %q rewritten, set updated: on the bulletin",
					pt.ID, e.Title, again, e.Title)
			}
			continue
		}
		if _, ok := bulletins[id]; ok {
			continue
		}
		// The ID is gone. Is its request still here, under another?
		if now := whereNow(id, e, ""); now != "" {
			if pe, published := prev.Entries[now]; published && says(now, pe) {
				// Under the ID it was first published as: this one was
				// a second, given it by mistake and mended since.
				continue
			}
		}
		kept.Entries[id] = e
		if pos, msg := gone(id, e); pos != (bulletin.Pos{}) {
			warns.Add(pos, "%s", msg)
		} else {
			unplaced.Add(pos, "%s", msg)
		}
	}
	warns.Sort()
	return append(warns, unplaced...), kept
}

// pointID returns the point's own id of a point's entry ID: "africa-1"
// of "tag:example.org,2026-11-20:2026-11-20/africa-1".
func pointID(entryID string) string { return entryID[strings.LastIndex(entryID, "/")+1:] }

// NewIDs returns the id to write into the source of each point that has
// none (see bulletin.Point.IDAuto), so that its identity lives where its
// writer sees it from then on: the id readers know its request by, when
// prev published its text under one; else the id it has now, unless that
// was published for another request; else a new one. Bulletins are as
// loaded, drafts too.
func NewIDs(s *bulletin.Site, bulletins []*bulletin.Bulletin, prev *Manifest) map[*bulletin.Point]string {
	ids := map[*bulletin.Point]string{}
	for _, b := range bulletins {
		if b.Date.IsZero() || b.ID == "" {
			continue
		}
		prefix := s.EntryID(b) + "/"
		published := map[string]bulletin.Sketch{} // by point id
		for id, e := range prev.Entries {
			if rest, ok := strings.CutPrefix(id, prefix); ok {
				sk, _ := bulletin.ParseSketch(e.Sketch)
				published[rest] = sk
			}
		}
		taken := map[string]bool{}
		for _, pt := range b.Points {
			if !pt.IDAuto {
				taken[pt.ID] = true
			}
		}
		give := func(pt *bulletin.Point, id string) {
			ids[pt] = id
			taken[id] = true
		}
		for _, pt := range b.Points {
			if !pt.IDAuto {
				continue
			}
			sk := pt.Sketch
			best, bestSim := "", 0.0
			for _, id := range slices.Sorted(maps.Keys(published)) {
				if sim := published[id].Similarity(sk); !taken[id] && published[id].Same(sk) && sim > bestSim {
					best, bestSim = id, sim
				}
			}
			if best != "" {
				give(pt, best)
				continue
			}
			if was, ok := published[pt.ID]; !taken[pt.ID] && (!ok || was.Same(sk)) {
				give(pt, pt.ID)
				continue
			}
			for n := 1; ; n++ {
				id := fmt.Sprintf("%s-%d", pt.Region, n)
				if _, ok := published[id]; !taken[id] && !ok {
					give(pt, id)
					break
				}
			}
		}
	}
	return ids
}
