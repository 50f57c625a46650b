package build

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strconv"
	"time"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
)

// ManifestFile is the name of the manifest in the output folder.
const ManifestFile = ".site-manifest.json"

// A Manifest records what a build published: the files it owns, every
// feed entry and calendar event with what the next build needs to know
// of it. The next build removes only the files it lists, and compares
// the entries and events with its own, so that no published ID vanishes,
// stands for another request, or goes back in SEQUENCE.
type Manifest struct {
	Format  int               `json:"prayerfeed_manifest,omitempty"` // 3
	Files   Files             `json:"files,omitempty"`
	Entries map[string]Entry  `json:"entries"`
	Events  map[string]Record `json:"events"`
	// Diary are the days of the prayer diary, by date.
	Diary map[string]DiaryRecord `json:"diary,omitempty"`
	// Languages are the entries, events and diaries of the site's other
	// languages, each as a manifest of its own without files, by language.
	Languages map[string]*Manifest `json:"languages,omitempty"`
}

// Language returns the manifest of the site in lang, one of its other
// languages: empty when m has none.
func (m *Manifest) Language(lang string) *Manifest {
	if m != nil && m.Languages[lang] != nil {
		return m.Languages[lang]
	}
	return &Manifest{}
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

// An Entry is a published feed entry: a whole bulletin, or a point.
type Entry struct {
	File  string `json:"file"`  // the bulletin's source file
	Title string `json:"title"` // the entry's title
	// Sketch is a point's text (bulletin.Sketch): the next build knows
	// from it whether the ID still stands for the same request.
	// (Manifests before format 3 have none.)
	Sketch string `json:"sketch,omitempty"`
	// Updated is the correction time of the entry's bulletin, in RFC 3339,
	// when it has one: a later correction may change what a point says.
	Updated string `json:"updated,omitempty"`
}

// A Record is a published calendar event.
type Record struct {
	File  string `json:"file"`  // the source file of the bulletin in force
	Title string `json:"title"` // the event's title
	// Sequence is the highest SEQUENCE published for the event, and
	// State a digest of its revision (bulletin.Event.Revision): no later
	// SEQUENCE goes below it, and a changed state raises it.
	Sequence int    `json:"sequence,omitempty"`
	State    string `json:"state,omitempty"`
	// Revisions is the bulletins' count of the event's revisions
	// (bulletin.Tracked.Sequence), which a correction raises.
	Revisions int `json:"revisions,omitempty"`
	// Calendars are the subscription calendars that list the event, by
	// path, each with "", and those that keep it as cancelled since it
	// left them, each with the day it left (see Model.settle).
	Calendars map[string]string `json:"calendars,omitempty"`
	// Time is when the event takes place, for its cancelled copies.
	Time *Slot `json:"time,omitempty"`
	// Gone is the day the event was first found in no published
	// bulletin; such a record keeps only what its copies need.
	Gone string `json:"gone,omitempty"`
}

// ReadManifest reads a manifest file. It decodes one entry or event at a
// time, never holding the whole file: at 20,000 bulletins it is 48 MB,
// read while the model is built.
func ReadManifest(path string) (*Manifest, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m, err := DecodeManifest(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}

// DecodeManifest reads a manifest, such as the live site's.
func DecodeManifest(r io.Reader) (*Manifest, error) {
	var m Manifest
	dec := json.NewDecoder(bufio.NewReader(r))
	if err := m.decode(dec); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("invalid data after the manifest")
	}
	return &m, nil
}

// decode reads the manifest as json.Unmarshal would, member by member.
func (m *Manifest) decode(dec *json.Decoder) error {
	if err := expect(dec, '{'); err != nil {
		return err
	}
	files := names{}
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return err
		}
		switch key {
		case "prayerfeed_manifest":
			err = dec.Decode(&m.Format)
		case "files":
			err = dec.Decode(&m.Files)
		case "entries":
			m.Entries, err = decodeMap[Entry](dec, files)
		case "events":
			m.Events, err = decodeMap[Record](dec, files)
		case "diary":
			m.Diary, err = decodeMap[DiaryRecord](dec, files)
		case "languages":
			m.Languages, err = decodeLanguages(dec)
		default:
			err = dec.Decode(new(json.RawMessage))
		}
		if err != nil {
			return err
		}
	}
	return expect(dec, '}')
}

// decodeLanguages reads the manifests of the other languages, or null.
func decodeLanguages(dec *json.Decoder) (map[string]*Manifest, error) {
	tok, err := dec.Token()
	if tok == nil || err != nil {
		return nil, err
	}
	if tok != json.Delim('{') {
		return nil, fmt.Errorf("%v where an object belongs", tok)
	}
	langs := map[string]*Manifest{}
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return nil, err
		}
		m := &Manifest{}
		if err := m.decode(dec); err != nil {
			return nil, err
		}
		langs[key.(string)] = m
	}
	return langs, expect(dec, '}')
}

// names shares the strings a manifest repeats: a large site's manifest
// names each bulletin's file and correction time once for the bulletin
// and once for each of its points: sharing them saves some 5 MB at 20,000
// bulletins.
type names map[string]string

func (n names) of(s string) string {
	if v, ok := n[s]; ok {
		return v
	}
	n[s] = s
	return s
}

// decodeMap reads an object of entries or events, or null.
func decodeMap[V Entry | Record | DiaryRecord](dec *json.Decoder, files names) (map[string]V, error) {
	if !dec.More() {
		return nil, errors.New("unexpected end of the manifest")
	}
	tok, err := dec.Token()
	if tok == nil || err != nil {
		return nil, err
	}
	if tok != json.Delim('{') {
		return nil, fmt.Errorf("%v where an object belongs", tok)
	}
	m := map[string]V{}
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return nil, err
		}
		var v V
		if err := dec.Decode(&v); err != nil {
			return nil, err
		}
		switch x := any(&v).(type) {
		case *Entry:
			x.File, x.Updated = files.of(x.File), files.of(x.Updated)
		case *Record:
			x.File = files.of(x.File)
		}
		m[key.(string)] = v
	}
	return m, expect(dec, '}')
}

// expect reads the delimiter d.
func expect(dec *json.Decoder, d json.Delim) error {
	tok, err := dec.Token()
	if err == nil && tok != d {
		err = fmt.Errorf("%v where %v belongs", tok, d)
	}
	if err == io.EOF {
		err = io.ErrUnexpectedEOF
	}
	return err
}

// Manifest returns the manifest of the model's entries and events. Its
// files are the stage's to fill in (Stage.Commit).
func (m *Model) Manifest() *Manifest {
	s := m.Site
	n := 0
	for _, b := range m.Bulletins {
		n += 1 + len(b.Points)
	}
	man := &Manifest{Format: 3, Files: Files{}, Entries: make(map[string]Entry, n), Events: maps.Clone(m.records)}
	for _, b := range m.Bulletins {
		file := b.Pos.File
		updated := ""
		if !b.Updated.IsZero() {
			updated = b.Updated.UTC().Format(time.RFC3339)
		}
		man.Entries[s.EntryID(b)] = Entry{File: file, Title: b.Title, Updated: updated}
		for _, pt := range b.Points {
			man.Entries[s.PointEntryID(pt)] = Entry{File: file, Title: pt.Title, Sketch: pt.Sketch.String(), Updated: updated}
		}
	}
	if man.Events == nil {
		man.Events = map[string]Record{}
	}
	man.Diary = m.diaryRecords
	for _, lm := range m.Languages {
		if man.Languages == nil {
			man.Languages = map[string]*Manifest{}
		}
		l := lm.Manifest()
		l.Format, l.Files = 0, nil
		man.Languages[lm.Site.Language] = l
	}
	return man
}

// encode writes the manifest as json.MarshalIndent with two spaces
// would, and a newline. It writes each entry itself, as it goes: a large
// site's manifest is some 20 MB, which MarshalIndent would hold three
// times.
func (m *Manifest) encode(b *bufio.Writer) error {
	if err := m.encodeAt(b, ""); err != nil {
		return err
	}
	b.WriteString("\n")
	return b.Flush()
}

// encodeAt writes the manifest as a value whose line starts with ind.
func (m *Manifest) encodeAt(b *bufio.Writer, ind string) error {
	sep := "{"
	member := func(name string) {
		b.WriteString(sep + "\n" + ind + "  \"" + name + "\": ")
		sep = ","
	}
	if m.Format != 0 {
		member("prayerfeed_manifest")
		b.WriteString(strconv.Itoa(m.Format))
	}
	if len(m.Files) > 0 {
		member("files")
		encodeList(b, m.Files, ind)
	}
	member("entries")
	encodeMap(b, m.Entries, ind)
	member("events")
	encodeMap(b, m.Events, ind)
	if len(m.Diary) > 0 {
		member("diary")
		encodeMap(b, m.Diary, ind)
	}
	if len(m.Languages) > 0 {
		member("languages")
		b.WriteString("{")
		for i, lang := range slices.Sorted(maps.Keys(m.Languages)) {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString("\n" + ind + "    ")
			quote(b, lang)
			b.WriteString(": ")
			if l := m.Languages[lang]; l == nil {
				b.WriteString("null")
			} else if err := l.encodeAt(b, ind+"    "); err != nil {
				return err
			}
		}
		b.WriteString("\n" + ind + "  }")
	}
	b.WriteString("\n" + ind + "}")
	return nil
}

// encodeList writes l as a member of a manifest at ind.
func encodeList(b *bufio.Writer, l []string, ind string) {
	b.WriteString("[")
	for i, s := range l {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString("\n" + ind + "    ")
		quote(b, s)
	}
	b.WriteString("\n" + ind + "  ]")
}

// encodeMap writes m as a member of a manifest at ind, its keys sorted,
// each value as json.MarshalIndent writes it in place. Each value writes
// itself: a large site's manifest is hundreds of thousands of them.
func encodeMap[V interface{ encode(*bufio.Writer, string) }](b *bufio.Writer, m map[string]V, ind string) {
	if m == nil {
		b.WriteString("null")
		return
	}
	if len(m) == 0 {
		b.WriteString("{}")
		return
	}
	b.WriteString("{")
	in := ind + "    "
	for i, k := range slices.Sorted(maps.Keys(m)) {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
		b.WriteString(in)
		quote(b, k)
		b.WriteString(": ")
		m[k].encode(b, in)
	}
	b.WriteString("\n" + ind + "  }")
}

// A jsonObject writes an object as json.MarshalIndent does with two
// spaces, member by member: its brace where the writer stands, on a line
// indented by ind.
type jsonObject struct {
	b   *bufio.Writer
	ind string
	n   int // members written
}

func (o *jsonObject) key(name string) {
	if o.n == 0 {
		o.b.WriteByte('{')
	} else {
		o.b.WriteByte(',')
	}
	o.n++
	o.b.WriteByte('\n')
	o.b.WriteString(o.ind)
	o.b.WriteString("  ")
	quote(o.b, name)
	o.b.WriteString(": ")
}

func (o *jsonObject) str(name, v string) {
	o.key(name)
	quote(o.b, v)
}

// opt writes a member that is left out when empty (omitempty).
func (o *jsonObject) opt(name, v string) {
	if v != "" {
		o.str(name, v)
	}
}

func (o *jsonObject) num(name string, v int) {
	if v != 0 {
		o.key(name)
		o.b.WriteString(strconv.Itoa(v))
	}
}

func (o *jsonObject) end() {
	if o.n == 0 {
		o.b.WriteString("{}")
		return
	}
	o.b.WriteByte('\n')
	o.b.WriteString(o.ind)
	o.b.WriteByte('}')
}

func (e Entry) encode(b *bufio.Writer, ind string) {
	o := jsonObject{b: b, ind: ind}
	o.str("file", e.File)
	o.str("title", e.Title)
	o.opt("sketch", e.Sketch)
	o.opt("updated", e.Updated)
	o.end()
}

func (r Record) encode(b *bufio.Writer, ind string) {
	o := jsonObject{b: b, ind: ind}
	o.str("file", r.File)
	o.str("title", r.Title)
	o.num("sequence", r.Sequence)
	o.opt("state", r.State)
	o.num("revisions", r.Revisions)
	if len(r.Calendars) > 0 {
		o.key("calendars")
		c := jsonObject{b: b, ind: ind + "  "}
		for _, k := range slices.Sorted(maps.Keys(r.Calendars)) {
			c.str(k, r.Calendars[k])
		}
		c.end()
	}
	if t := r.Time; t != nil {
		o.key("time")
		s := jsonObject{b: b, ind: ind + "  "}
		s.str("kind", t.Kind)
		s.opt("zone", t.Zone)
		s.str("start", t.Start)
		s.str("end", t.End)
		s.str("listed", t.Listed)
		s.end()
	}
	o.opt("gone", r.Gone)
	o.end()
}

func (d DiaryRecord) encode(b *bufio.Writer, ind string) {
	o := jsonObject{b: b, ind: ind}
	o.str("point", d.Point)
	o.str("state", d.State)
	o.num("sequence", d.Sequence)
	o.end()
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

// carry puts into m the entries of kept, as they were published, over
// m's own.
func (m *Manifest) carry(kept *Manifest) {
	maps.Copy(m.Entries, kept.Entries)
	for lang, k := range kept.Languages {
		if l := m.Languages[lang]; l != nil {
			l.carry(k)
		}
	}
}

// state digests an event's revision (bulletin.Event.Revision), to tell
// from the manifest whether it changed since.
func state(e *bulletin.Event) string {
	h := sha256.Sum256([]byte(e.Revision()))
	return hex.EncodeToString(h[:8])
}
