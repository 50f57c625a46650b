package draft

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	"github.com/prayerfeed/prayerfeed/internal/markdown"
)

// Import options: where the text came from, and the bulletin's date when
// the text names none.
type Options struct {
	Name    string        // the file imported, named in the draft's first comment
	Date    bulletin.Date // the bulletin's date; zero: the text's, else Default
	Default bulletin.Date // the date when neither Date nor the text gives one
	Title   string        // the title when the text has none: the latest bulletin's
	// Sent is when the email was sent (see Text): its day, in the
	// site's zone, is the bulletin's when the text names none.
	Sent time.Time
}

// A Draft is a bulletin made from text, as YAML to write, with what its
// writer should look at first.
type Draft struct {
	Date bulletin.Date
	YAML []byte
	// Guesses counts the lines marked as guessed; Unplaced, the texts
	// that import could not place, each marked NOT PLACED.
	Guesses, Unplaced int
	// Bodies are the points' texts, to tell a text imported before.
	Bodies []string
}

// Import makes a draft bulletin of site s from the text of a bulletin
// written as an email or a document (plain text or Markdown; see Text
// for files): a title line, a scripture quotation and its reference after
// a dash, then region headings, each over paragraphs of praise and
// prayer. Every paragraph becomes a point; a paragraph it cannot place
// is kept, marked NOT PLACED, where the writer must look. The same text
// always makes the same draft.
func Import(s *bulletin.Site, text string, opts Options) *Draft {
	blocks := paragraphs(text)
	in := &importer{site: s, d: &Draft{}}

	// The title, the date and the scripture come first.
	rest := in.head(blocks, opts)
	in.body(rest)
	return in.write(opts)
}

// A block is a paragraph of the text, or a heading.
type block struct {
	text    string // its lines joined
	heading bool   // marked as a heading: "## Africa" or "**Africa**"
	item    bool   // an item of a list, never a heading
}

// A point is a paragraph placed in the draft.
type point struct {
	region               string // a region ID, or bulletin.Placeholder
	kind                 bulletin.Kind
	body                 string
	notes                []string // the comments above the point
	regionNote, kindNote string   // the comments on those lines
}

type importer struct {
	site      *bulletin.Site
	d         *Draft
	title     string
	titleNote string
	date      bulletin.Date
	dateNote  string
	verse     string
	reference string
	version   string
	verseNote string
	preface   []string // text before the scripture that is not the title
	points    []*point
	about     string   // the left-out closing paragraph's opening words
	loose     []string // lines that read as headings of no region, with nothing under them
}

// head reads the title, date and scripture from the first blocks, and
// returns the blocks after them.
func (in *importer) head(blocks []block, opts Options) []block {
	// The scripture: the first quotation followed by a reference, before
	// any region's heading.
	var before []block
	found := false
	for i := range blocks {
		if in.regionOf(blocks[i]) != nil {
			break
		}
		if verse, ref, n := scripture(blocks, i); n > 0 {
			in.verse = verse
			in.reference, in.version = splitVersion(ref)
			before, blocks = blocks[:i], blocks[i+n:]
			found = true
			break
		}
	}
	if !found {
		in.verseNote = "NOT FOUND: the text has no quotation followed by a reference after a dash"
		if len(blocks) > 0 && isTitleLine(blocks[0]) && in.regionOf(blocks[0]) == nil {
			before, blocks = blocks[:1], blocks[1:]
		}
	}
	for _, b := range before {
		if d, only, ok := findDate(b.text); ok && in.date.IsZero() {
			in.date = d
			if only {
				continue // a line that only dates the bulletin
			}
		}
		if in.title == "" && isTitleLine(b) {
			in.title = strings.Trim(b.text, "*_# ")
			in.titleNote = "guessed: the text's first line"
			continue
		}
		in.preface = append(in.preface, b.text)
	}
	switch {
	case !opts.Date.IsZero():
		if !in.date.IsZero() && in.date != opts.Date {
			in.dateNote = fmt.Sprintf("as -date said; the text says %s", in.date)
		}
		in.date = opts.Date
	case !in.date.IsZero():
		in.dateNote = "from the text"
	case !opts.Sent.IsZero():
		loc := in.site.Location
		if loc == nil {
			loc = time.UTC
		}
		in.date = bulletin.DateOf(opts.Sent.In(loc))
		in.dateNote = "guessed: the day the email was sent"
	default:
		in.date = opts.Default
		in.dateNote = "guessed: the text names no date; this is the next Friday without a bulletin"
	}
	if in.title == "" {
		in.title = opts.Title
		in.titleNote = "guessed: the text has no title line; this is the latest bulletin's title"
	}
	return blocks
}

// body places the paragraphs after the scripture.
func (in *importer) body(blocks []block) {
	var region *bulletin.Region
	var unmatched string // a heading that names no region
	headed := false      // a heading was seen
	var pending []*point // paragraphs before the first heading
	under := 0           // the paragraphs under the latest heading
	// A line that reads as a heading but names no region, with nothing
	// under it, is kept for the writer to place.
	alone := func() {
		if unmatched != "" && under == 0 {
			in.loose = append(in.loose, unmatched)
			in.d.Unplaced++
		}
	}
	for _, b := range blocks {
		if r := in.regionOf(b); r != nil {
			alone()
			region, unmatched, headed, under = r, "", true, 0
			continue
		}
		if isHeading(b) {
			alone()
			region, unmatched, headed, under = nil, strings.Trim(b.text, "*_#: "), true, 0
			continue
		}
		under++
		if in.isAbout(b.text) {
			in.about = firstWords(markdown.Text(b.text), 6)
			continue
		}
		pt := &point{body: b.text}
		name, rest := inline(b.text)
		r := in.regionOf(block{text: name})
		switch {
		case r != nil:
			pt.region, pt.body = r.ID, rest
			pt.regionNote = fmt.Sprintf("from %q at its start", name)
		case region != nil:
			pt.region = region.ID
			if name != "" && titleCase(name) && openingWords(name) == "" && strings.HasPrefix(strings.TrimLeft(b.text, "*_"), name+":") {
				pt.regionNote = fmt.Sprintf("guessed: it starts with %q, which names no region of site.yaml; %s is the heading above it", name+":", region.Name)
			}
		case !headed:
			pending = append(pending, pt)
		default:
			pt.region = bulletin.Placeholder
			pt.notes = append(pt.notes, fmt.Sprintf("NOT PLACED: under the heading %q, which names no region of site.yaml;", unmatched),
				"set its region, or add the heading to a region's aliases there.")
			in.d.Unplaced++
		}
		in.kindOf(pt)
		in.points = append(in.points, pt)
	}
	alone()
	in.placeFirst(pending, blocks)
	if n := len(in.points); n > 0 && in.site.About == "" && in.points[n-1].kindNote != "" && !strings.HasPrefix(in.points[n-1].kindNote, "guessed from") {
		last := in.points[n-1]
		last.notes = append(last.notes, "guessed: this last paragraph may be about your organisation. If every bulletin",
			"closes with it, move it to site.yaml's about, which closes every bulletin, and delete this point.")
	}
}

// placeFirst places the paragraphs before the first heading: in the
// region that comes before the first heading's in site.yaml, when there
// is one such region, as in the seeds, whose first region has no
// heading.
func (in *importer) placeFirst(pending []*point, blocks []block) {
	if len(pending) == 0 {
		return
	}
	var first *bulletin.Region
	for _, b := range blocks {
		if first = in.regionOf(b); first != nil {
			break
		}
	}
	var guess *bulletin.Region
	if first != nil && len(in.site.Regions) > 1 && in.site.Regions[1] == first {
		guess = in.site.Regions[0]
	}
	if first == nil && len(in.site.Regions) == 1 {
		guess = in.site.Regions[0]
	}
	for _, pt := range pending {
		if guess != nil {
			pt.region = guess.ID
			if first != nil {
				pt.regionNote = fmt.Sprintf("guessed: it has no heading, and %s comes before %s in site.yaml", guess.Name, first.Name)
			} else {
				pt.regionNote = "guessed: it has no heading, and site.yaml has one region"
			}
			continue
		}
		pt.region = bulletin.Placeholder
		pt.notes = append(pt.notes, "NOT PLACED: it comes before any region heading; set its region.")
		in.d.Unplaced++
	}
}

// regionOf returns the region that b is the heading of, or nil.
func (in *importer) regionOf(b block) *bulletin.Region {
	if utf8.RuneCountInString(b.text) > 80 {
		return nil
	}
	key := bulletin.HeadingKey(b.text)
	if key == "" {
		return nil
	}
	for _, r := range in.site.Regions {
		if bulletin.HeadingKey(r.Name) == key {
			return r
		}
		for _, a := range r.Aliases {
			if bulletin.HeadingKey(a.Name) == key {
				return r
			}
		}
	}
	return nil
}

// inline returns the name that starts text before a colon or a dash,
// as older bulletins wrote "Africa: Praise God for …", "**Africa:**
// Praise …" or "Africa – praise …", and the text after it; or "", text.
func inline(text string) (name, rest string) {
	t := strings.TrimLeft(text, "*_")
	for _, sep := range []string{":", " – ", " — ", " - "} {
		n, r, ok := strings.Cut(t, sep)
		n = strings.TrimSpace(strings.Trim(n, "*_ "))
		if !ok || n == "" || len(strings.Fields(n)) > 5 || utf8.RuneCountInString(n) > 60 || strings.ContainsAny(n, ".!?,;") {
			continue
		}
		if first, _ := utf8.DecodeRuneInString(n); !unicode.IsUpper(first) {
			continue
		}
		return n, strings.TrimSpace(strings.TrimLeft(r, "*_ "))
	}
	return "", text
}

// titleCase reports whether every word of name begins with a capital,
// as a region's name does: "Middle East", not "Please pray for Manila".
func titleCase(name string) bool {
	for _, w := range strings.Fields(name) {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLetter(r) && !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// isAbout reports whether text is the site's closing paragraph.
func (in *importer) isAbout(text string) bool {
	return in.site.About != "" && words(text) == words(markdown.Text(in.site.About))
}

// The opening words that say a point is praise or prayer, each matched
// at the start of a sentence, in any case.
var (
	praiseWords = []string{"praise", "rejoice", "join us in praising", "join us in thanking", "join us in rejoicing",
		"give thanks", "thank god", "thank the lord", "thanks be to god", "we praise", "we give thanks",
		"we thank god", "we rejoice", "celebrate", "hallelujah", "please praise", "please give thanks",
		"please rejoice", "please join us in praising", "please join us in thanking"}
	prayerWords = []string{"pray", "please pray", "please continue to pray", "continue to pray", "keep praying",
		"please keep praying", "please lift up", "lift up", "ask god", "please ask god", "join us in praying",
		"join us in prayer", "please join us in praying", "please join us in prayer", "we ask god", "intercede",
		"please remember", "remember in prayer", "please intercede"}
)

// kindOf sets pt's kind from the opening words of its first sentence
// that has any, praise or prayer.
func (in *importer) kindOf(pt *point) {
	for i, s := range sentences(pt.body) {
		k := opening(s)
		if k == "" {
			continue
		}
		pt.kind, pt.kindNote = k, ""
		if i > 0 {
			pt.kindNote = fmt.Sprintf("guessed from %q in its sentence %d", firstWords(s, 3), i+1)
		}
		return
	}
	pt.kind = bulletin.Prayer
	pt.kindNote = "guessed: no sentence opens with praise or prayer"
}

// opening returns the kind that a sentence's opening words say, or "".
func opening(sentence string) bulletin.Kind {
	if k := openingWords(sentence); k != "" {
		return k
	}
	if name, rest := inline(sentence); name != "" {
		return openingWords(rest) // Asia: Pray for …
	}
	return ""
}

func openingWords(sentence string) bulletin.Kind {
	s := strings.ToLower(strings.TrimLeft(listItem.ReplaceAllString(sentence, ""), "“\"‘'*_([ "))
	starts := func(list []string) bool {
		for _, w := range list {
			if rest, ok := strings.CutPrefix(s, w); ok {
				if r, _ := utf8.DecodeRuneInString(rest); rest == "" || !unicode.IsLetter(r) {
					return true
				}
			}
		}
		return false
	}
	switch {
	case starts(praiseWords):
		return bulletin.Praise
	case starts(prayerWords):
		return bulletin.Prayer
	}
	return ""
}

// sentences splits text at the ends of its sentences.
func sentences(text string) []string {
	var out []string
	start := 0
	for i, r := range text {
		if r != '.' && r != '!' && r != '?' {
			continue
		}
		next := text[i+1:]
		next = strings.TrimLeft(next, "”\"’')")
		if next == "" || strings.HasPrefix(next, " ") {
			out = append(out, strings.TrimSpace(text[start:i+1]))
			start = len(text) - len(next)
		}
	}
	if rest := strings.TrimSpace(text[start:]); rest != "" {
		out = append(out, rest)
	}
	return out
}

// paragraphs splits text into blocks at blank lines and at Markdown
// headings.
func paragraphs(text string) []block {
	var out []block
	var cur []string
	flush := func() {
		if len(cur) == 0 {
			return
		}
		if listLike(cur) {
			// A list's items are points of their own, each line
			// that starts none going with the item above it.
			var items []string
			for _, l := range cur {
				if item := listItem.ReplaceAllString(l, ""); item != l || len(items) == 0 {
					items = append(items, item)
				} else {
					items[len(items)-1] += " " + l
				}
			}
			for _, item := range items {
				out = append(out, block{text: item, item: true})
			}
			cur = nil
			return
		}
		b := block{text: strings.Join(cur, " ")}
		if t, ok := strongOnly(b.text); ok {
			b.text, b.heading = t, true
		}
		out = append(out, b)
		cur = nil
	}
	for _, line := range strings.Split(text, "\n") {
		if atxHeading.MatchString(line) {
			flush()
			if h := strings.TrimSpace(strings.TrimRight(atxHeading.ReplaceAllString(line, ""), "# ")); h != "" {
				out = append(out, block{text: strings.Join(strings.Fields(h), " "), heading: true})
			}
			continue
		}
		line = strings.TrimLeft(line, " ")
		for strings.HasPrefix(line, ">") { // a Markdown quotation
			line = strings.TrimLeft(line[1:], " ")
		}
		// One plain space between words: pasted text has tabs, runs of
		// spaces and no-break spaces.
		if line = strings.Join(strings.Fields(line), " "); line == "" {
			flush()
			continue
		}
		cur = append(cur, line)
	}
	flush()
	return out
}

var atxHeading = regexp.MustCompile(`^ {0,3}#{1,6}( +|$)`)

// listLike reports whether lines are a list, whose breaks count.
func listLike(lines []string) bool {
	for _, l := range lines {
		if len(lines) > 1 && listItem.MatchString(l) {
			return true
		}
	}
	return false
}

var listItem = regexp.MustCompile(`^([-*+•]|\d{1,2}[.)]) `)

// strongOnly returns the words of a paragraph that is all bold, as an
// email's heading is: "**Africa**".
func strongOnly(s string) (string, bool) {
	for _, mark := range []string{"**", "__"} {
		if t, ok := strings.CutPrefix(s, mark); ok {
			if t, ok := strings.CutSuffix(t, mark); ok && !strings.Contains(t, mark) && t != "" {
				return strings.TrimSpace(t), true
			}
		}
	}
	return s, false
}

// isHeading reports whether b reads as a heading: marked as one, or a
// short line that does not end a sentence.
func isHeading(b block) bool {
	if strings.IndexFunc(b.text, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0 {
		return false
	}
	if b.heading {
		return true
	}
	// "Pray for Pastor Wang": short, but a point.
	return !b.item && isTitleLine(b) && opening(b.text) == "" && len(strings.Fields(b.text)) <= 8
}

// isTitleLine reports whether b is one short line that ends no sentence.
func isTitleLine(b block) bool {
	t := strings.TrimRight(b.text, "*_ ")
	if t == "" || utf8.RuneCountInString(t) > 80 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	return !strings.ContainsRune(".!?”\"’,;", last) || b.heading
}

// scripture reports whether blocks[i] is the scripture: a quotation
// with its reference after a dash at its end or in the next block. It
// returns the verse, its reference and the number of blocks they take.
func scripture(blocks []block, i int) (verse, ref string, n int) {
	text := strings.ReplaceAll(blocks[i].text, "\n", " ")
	if m := trailingRef.FindStringSubmatchIndex(text); m != nil && isQuoted(text[:m[0]]) {
		return unquote(text[:m[0]]), text[m[2]:m[3]], 1
	}
	if i+1 < len(blocks) && isReferenceLine(blocks[i+1].text) && (isQuoted(text) || dashed(blocks[i+1].text)) {
		return unquote(text), referenceOf(blocks[i+1].text), 2
	}
	return "", "", 0
}

var (
	dashes = "—–―-"
	// A reference: an optional book number, a book of one to three
	// words, a chapter and verses, and a version.
	refPattern  = `((?:[1-3] ?)?\p{Lu}\p{L}{1,30}\.?(?: (?:of )?\p{L}{1,30}){0,2} \d{1,3}(?:[:.]\d{1,3}(?:[-–]\d+(?:[:.]\d+)?)?(?:, ?\d+(?:[-–]\d+)?)*)?(?:,? \(?[A-Z]{2,6}\)?)?)`
	trailingRef = regexp.MustCompile(`\s*[` + dashes + `]\s*` + refPattern + `\s*$`)
	refLine     = regexp.MustCompile(`^[` + dashes + `]?\s*` + refPattern + `\s*$`)
)

// isReferenceLine reports whether text is a scripture reference, after
// a dash or not.
func isReferenceLine(text string) bool {
	return !strings.Contains(text, "\n") && refLine.MatchString(text)
}

// dashed reports whether text starts with a dash.
func dashed(text string) bool {
	r, _ := utf8.DecodeRuneInString(text)
	return strings.ContainsRune(dashes, r)
}

// referenceOf returns the reference of a reference line.
func referenceOf(text string) string { return refLine.FindStringSubmatch(text)[1] }

// splitVersion splits "John 3:16 (NIV)" into the reference and the
// version, when one is named.
func splitVersion(ref string) (string, string) {
	m := version.FindStringSubmatch(ref)
	if m == nil {
		return ref, ""
	}
	return strings.TrimRight(ref[:len(ref)-len(m[0])], ", "), m[1]
}

var version = regexp.MustCompile(`,? \(?([A-Z]{2,6})\)?$`)

// isQuoted reports whether text is between quotation marks.
func isQuoted(text string) bool {
	text = strings.TrimSpace(text)
	for _, q := range [][2]string{{"“", "”"}, {"\"", "\""}, {"«", "»"}, {"‘", "’"}, {"„", "“"}} {
		if strings.HasPrefix(text, q[0]) && strings.HasSuffix(text, q[1]) && len(text) > len(q[0])+len(q[1]) {
			return true
		}
	}
	return false
}

// unquote returns text without its outer quotation marks.
func unquote(text string) string {
	text = strings.TrimSpace(text)
	if !isQuoted(text) {
		return text
	}
	_, size := utf8.DecodeRuneInString(text)
	_, last := utf8.DecodeLastRuneInString(text)
	return strings.TrimSpace(text[size : len(text)-last])
}

// words returns text's words in lower case, one space between them:
// what two copies of a paragraph share however they were typed.
func words(text string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

// firstWords returns the first n words of text.
func firstWords(text string, n int) string {
	f := strings.Fields(text)
	if len(f) <= n {
		return strings.Join(f, " ")
	}
	return strings.Join(f[:n], " ") + " …"
}

// write writes the draft's YAML.
func (in *importer) write(opts Options) *Draft {
	var b bytes.Buffer
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	from := "text"
	if opts.Name != "" {
		from = opts.Name
	}
	p("# Imported by prayerfeed from %s. Read it through: a line marked\n", oneLine(from))
	p("# \"guessed\" is prayerfeed's guess, and text marked NOT PLACED needs\n")
	p("# you. \"prayerfeed serve\" shows the draft as it will look, and\n")
	p("# \"prayerfeed check\" names every mistake with its line and column.\n")
	p("# Then delete \"draft: true\" to publish it with the next build.\n\n")
	// guess returns a note, counting the guesses; note puts it on the
	// line it is about.
	guess := func(n string) string {
		if strings.HasPrefix(n, "guessed") {
			in.d.Guesses++
		}
		return n
	}
	note := func(n string) string {
		if n = guess(n); n == "" {
			return ""
		}
		return "  # " + n
	}
	p("date: %s%s\n", in.date, note(in.dateNote))
	if n := guess(in.titleNote); n != "" {
		p("# %s\n", n) // above: a comment after a title would be read as cut short
	}
	writeText(&b, "", "title", in.title)
	p("draft: true\n\n")
	if len(in.preface) > 0 {
		p("# Before the scripture, the text has this, kept as the bulletin's\n")
		p("# introduction (guessed): keep it, or delete it.\n")
		in.d.Guesses++
		writeBlock(&b, "", "intro", strings.Join(in.preface, "\n\n"), true)
	}
	p("scripture:\n")
	if in.verse == "" {
		p("  # %s\n", in.verseNote)
		in.d.Unplaced++
		p("  text: >-\n    %s the verse, without quotation marks\n", bulletin.Placeholder)
		p("  reference: %s Book 1:2\n", bulletin.Placeholder)
	} else {
		writeBlock(&b, "  ", "text", in.verse, false)
		writeText(&b, "  ", "reference", in.reference)
	}
	if in.version != "" {
		p("  version: %s\n", in.version)
	} else {
		p("  # version: NIV   # the translation, if you name it\n")
	}
	p("\n")
	if in.about != "" {
		p("# The closing paragraph (%q) was left out:\n", in.about)
		p("# site.yaml's about closes every bulletin.\n")
	}
	p("# The points, in reading order. Give each a title; its kind is praise or\n")
	p("# prayer, and its body is Markdown: *emphasis*, [a link](https://example.org/).\n")
	p("items:\n")
	perRegion, used := map[string]int{}, map[string]bool{}
	for i, pt := range in.points {
		if i > 0 {
			p("\n")
		}
		for _, n := range pt.notes {
			p("  # %s\n", n)
		}
		base := pt.region
		if base == bulletin.Placeholder {
			base = "point"
		}
		// The region and the point's place among its points, or the
		// next number free: a region may be called "point".
		id := ""
		for id == "" || used[id] {
			perRegion[base]++
			id = fmt.Sprintf("%s-%d", base, perRegion[base])
		}
		used[id] = true
		p("  - id: %s\n", id)
		p("    region: %s%s\n", pt.region, note(pt.regionNote))
		p("    kind: %s%s\n", pt.kind, note(pt.kindNote))
		p("    title: %s a few words that say what it is about\n", bulletin.Placeholder)
		writeBlock(&b, "    ", "body", pt.body, false)
		in.d.Bodies = append(in.d.Bodies, pt.body)
		if i == 0 {
			eventsHelp(&b, in.date)
		}
	}
	if len(in.points) == 0 {
		p("  # NOT FOUND: no paragraph after the scripture\n")
		p("  - id: point-1\n    region: %s\n    kind: prayer\n    body: %s the point\n", bulletin.Placeholder, bulletin.Placeholder)
		in.d.Unplaced++
	}
	if len(in.loose) > 0 {
		p("\n# NOT PLACED: these lines read as headings, but name no region of\n")
		p("# site.yaml and have nothing under them. Place their words, or delete them.\n")
		for _, l := range in.loose {
			p("#   %s\n", oneLine(l))
		}
	}
	in.d.Date = in.date
	in.d.YAML = b.Bytes()
	return in.d
}
