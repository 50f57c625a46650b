package build

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
)

// ManifestFile is the name of the manifest in the output folder.
const ManifestFile = ".site-manifest.json"

// A Manifest records what a build published: the files it owns, and
// every entry ID and event UID, with where each came from. The next build
// removes only the files it lists, and compares IDs with it, so that none
// vanishes or changes by accident.
type Manifest struct {
	Format  int               `json:"prayerfeed_manifest"` // 2
	Files   Files             `json:"files"`
	Entries map[string]Origin `json:"entries"`
	Events  map[string]Origin `json:"events"`
}

// Files are the paths of the files a build published, sorted. (A
// manifest of format 1 held each with its SHA-256, which a build no
// longer needs: it compares a file with the published bytes.)
type Files []string

// UnmarshalJSON reads the files as a list, or, from a manifest of
// format 1, as an object whose keys they are.
func (f *Files) UnmarshalJSON(data []byte) error {
	if len(data) > 0 && data[0] == '{' {
		var sums map[string]string
		if err := json.Unmarshal(data, &sums); err != nil {
			return err
		}
		*f = slices.Sorted(maps.Keys(sums))
		return nil
	}
	return json.Unmarshal(data, (*[]string)(f))
}

// An Origin says where a published ID came from.
type Origin struct {
	File  string `json:"file"`  // the bulletin's source file
	Title string `json:"title"` // the entry's or event's title
	Point int    `json:"point"` // the point's place in its bulletin, from 1; 0 for a bulletin

	// An event's SEQUENCE and a digest of its time, place, status and
	// title, so that the next build's SEQUENCE never goes down.
	Sequence int    `json:"sequence,omitempty"`
	State    string `json:"state,omitempty"`
}

// ReadManifest reads a manifest file.
func ReadManifest(path string) (*Manifest, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var m Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &m, nil
}

// Manifest returns the manifest of the model's IDs. Its files are the
// stage's to fill in (Stage.Commit).
func (m *Model) Manifest() *Manifest {
	s := m.Site
	man := &Manifest{Format: 2, Files: Files{}, Entries: map[string]Origin{}, Events: map[string]Origin{}}
	for _, b := range m.Bulletins {
		file := b.Pos.File
		man.Entries[s.EntryID(b)] = Origin{File: file, Title: b.Title}
		for i, pt := range b.Points {
			man.Entries[s.PointEntryID(pt)] = Origin{File: file, Title: pt.Title, Point: i + 1}
		}
	}
	for _, t := range m.Events {
		man.Events[s.UID(t.Event)] = Origin{File: t.Point.Bulletin.Pos.File, Title: t.Title, Sequence: t.Sequence, State: state(t.Event)}
	}
	return man
}

// encode writes the manifest as json.MarshalIndent with two spaces
// would, and a newline. It writes each entry itself, as it goes: a large
// site's manifest is some 20 MB, which MarshalIndent would hold three
// times.
func (m *Manifest) encode(b *bufio.Writer) error {
	b.WriteString("{\n  \"prayerfeed_manifest\": " + strconv.Itoa(m.Format) + ",\n  \"files\": ")
	encodeList(b, m.Files)
	b.WriteString(",\n  \"entries\": ")
	encodeMap(b, m.Entries)
	b.WriteString(",\n  \"events\": ")
	encodeMap(b, m.Events)
	b.WriteString("\n}\n")
	return b.Flush()
}

// encodeList writes l as a member of the manifest.
func encodeList(b *bufio.Writer, l []string) {
	switch {
	case l == nil:
		b.WriteString("null")
		return
	case len(l) == 0:
		b.WriteString("[]")
		return
	}
	b.WriteString("[")
	for i, s := range l {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString("\n    ")
		quote(b, s)
	}
	b.WriteString("\n  ]")
}

// encodeMap writes m as a member of the manifest, its keys sorted.
func encodeMap(b *bufio.Writer, m map[string]Origin) {
	if m == nil {
		b.WriteString("null")
		return
	}
	if len(m) == 0 {
		b.WriteString("{}")
		return
	}
	keys := slices.Sorted(maps.Keys(m))
	b.WriteString("{")
	for i, k := range keys {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString("\n    ")
		quote(b, k)
		b.WriteString(": ")
		v := m[k]
		b.WriteString("{\n      \"file\": ")
		quote(b, v.File)
		b.WriteString(",\n      \"title\": ")
		quote(b, v.Title)
		b.WriteString(",\n      \"point\": " + strconv.Itoa(v.Point))
		if v.Sequence != 0 {
			b.WriteString(",\n      \"sequence\": " + strconv.Itoa(v.Sequence))
		}
		if v.State != "" {
			b.WriteString(",\n      \"state\": ")
			quote(b, v.State)
		}
		b.WriteString("\n    }")
	}
	b.WriteString("\n  }")
}

// quote writes s as encoding/json does: itself between quotes when it is
// printable ASCII that JSON and HTML leave alone, as almost every path,
// ID and title is, and through encoding/json otherwise.
func quote(b *bufio.Writer, s string) {
	plain := true
	for i := 0; i < len(s) && plain; i++ {
		c := s[i]
		plain = c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
	}
	if plain {
		b.WriteByte('"')
		b.WriteString(s)
		b.WriteByte('"')
		return
	}
	data, err := json.Marshal(s)
	if err != nil {
		panic(err) // strings always marshal
	}
	b.Write(data)
}

// CompareIDs returns a problem for every entry ID or event UID of prev
// that cur no longer has, unless retired lists it: readers and calendars
// would lose the entry, or show it again under its new ID. It names the
// new ID when one from the same place seems to stand for it.
func CompareIDs(prev, cur *Manifest, retired []string) []string {
	var problems []string
	check := func(kind string, prevIDs, curIDs map[string]Origin) {
		ids := make([]string, 0, len(prevIDs))
		for id := range prevIDs {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		for _, id := range ids {
			if slices.Contains(retired, id) {
				continue
			}
			if c, ok := curIDs[id]; ok {
				// The ID stays, but does it still stand for the same
				// thing? Points reordered in a region swap their IDs.
				o := prevIDs[id]
				if c.Title != o.Title && o.Point > 0 {
					if now := successor(o, id, curIDs); now != "" {
						problems = append(problems, fmt.Sprintf("published %s %s (%q, %s) now stands for %q, and %q is now %s: were points reordered? give each point an id",
							kind, id, o.Title, o.File, c.Title, o.Title, now))
					}
				}
				continue
			}
			o := prevIDs[id]
			msg := fmt.Sprintf("published %s %s (%q, %s) is gone", kind, id, o.Title, o.File)
			if now := successor(o, id, curIDs); now != "" {
				msg = fmt.Sprintf("published %s %s (%q, %s) changed to %s; readers will see it again as new", kind, id, o.Title, o.File, now)
			}
			problems = append(problems, msg+"; if that is meant, add it to retired: in site.yaml")
		}
	}
	check("entry", prev.Entries, cur.Entries)
	check("event", prev.Events, cur.Events)
	return problems
}

// successor returns the current ID that seems to be the same thing as a
// vanished one: the same title from the same file, or the same place in
// a bulletin of the same file.
func successor(o Origin, old string, cur map[string]Origin) string {
	var found []string
	for id, c := range cur {
		if id != old && c.Title == o.Title && (c.File == o.File || c.Point == o.Point) {
			found = append(found, id)
		}
	}
	if len(found) == 0 {
		for id, c := range cur {
			if id != old && c.File == o.File && c.Point == o.Point && o.Point > 0 {
				found = append(found, id)
			}
		}
	}
	sort.Strings(found)
	return strings.Join(found, ", ")
}

// state digests an event's revision (bulletin.Event.Revision), to tell
// from the manifest whether it changed since.
func state(e *bulletin.Event) string {
	h := sha256.Sum256([]byte(e.Revision()))
	return hex.EncodeToString(h[:8])
}

// keepSequences makes no event's SEQUENCE lower than the previous build
// published, and one higher when its state changed while the bulletins
// alone would not raise it: a mention taken out of a later bulletin, a
// correction of a bulletin already corrected.
func keepSequences(events []*bulletin.Tracked, prev *Manifest, uid func(*bulletin.Event) string) {
	if prev == nil {
		return
	}
	for _, t := range events {
		p, ok := prev.Events[uid(t.Event)]
		if !ok {
			continue
		}
		switch {
		case p.State != "" && p.State != state(t.Event) && t.Sequence <= p.Sequence:
			t.Sequence = p.Sequence + 1
		case t.Sequence < p.Sequence:
			t.Sequence = p.Sequence
		}
	}
}
