package load

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"
	"go.yaml.in/yaml/v3"
	"golang.org/x/text/language"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	"github.com/prayerfeed/prayerfeed/internal/markdown"
	"github.com/prayerfeed/prayerfeed/internal/recur"
	"github.com/prayerfeed/prayerfeed/internal/spool"
)

// Bounds on the input, so that a huge or hostile folder fails cleanly.
const (
	MaxFileSize  = 1 << 20 // bytes in one file
	SiteFile     = "site.yaml"
	titleLength  = 80 // characters in a title derived from the body
	defaultLimit = 50
)

// keys lists the keys each mapping of the format may hold. The package
// comment documents every one, and a test checks that it and docs/format.md
// name them all.
var keys = map[string][]string{
	"site.yaml": {"title", "description", "base_url", "language", "languages", "timezone", "id_domain", "organization", "about",
		"icon", "logo", "accent", "newsletter", "hub", "feed_limit", "calendar_past_days", "cancelled_days", "refresh", "event_duration",
		"podcast", "regions", "retired", "diary"},
	"diary":        {"regions"},
	"organization": {"name", "email", "url"},
	"podcast":      {"title", "author", "owner", "image", "category", "subcategory", "explicit", "guid", "locked"},
	"owner":        {"name", "email"},
	"region":       {"id", "name", "description", "aliases"},
	"bulletin":     {"date", "title", "id", "draft", "publish", "updated", "timezone", "scripture", "intro", "audio", "items", "diary"},
	"scripture":    {"text", "reference", "version"},
	"audio":        {"url", "length", "type", "duration"},
	"item":         {"region", "kind", "title", "body", "id", "private", "events"},
	"event":        {"id", "kind", "title", "start", "end", "timezone", "date", "until", "location", "url", "status", "repeat", "private"},
	"repeat":       {"every", "rule", "until", "count", "except"},
}

// MaxFiles is the most bulletin files a folder may hold.
var MaxFiles = 50000

// Defaults of site.yaml's settings.
const (
	DefaultFeedLimit     = defaultLimit
	DefaultPastDays      = 90
	DefaultCancelledDays = 30
	DefaultRefresh       = 12 * time.Hour
	DefaultEventDuration = time.Hour
)

// Dir loads site.yaml and every bulletin under the root of fsys. Name is
// how the folder is named in messages, such as "bulletins". Files and
// folders whose names start with "." or "_" are skipped, and so is every
// file not ending in ".yaml" or ".yml".
//
// Dir reports every problem it finds, sorted; it returns the values it
// could read even when there are problems.
func Dir(fsys fs.FS, name string) (*bulletin.Site, []*bulletin.Bulletin, bulletin.ErrorList) {
	return (*Cache)(nil).Dir(fsys, name)
}

// A Cache keeps what Dir made of each bulletin file, by its digest, so
// that loading the folder again (as the preview server does on every
// save) parses only the files that changed. A file is not even read again
// while the folder gives it the size, modification time and mode it had
// when it was read, if that was more than a few seconds after it was
// last written (as make, and the preview server's polling, take a file
// with the same size and time as unchanged). A change to site.yaml,
// which every bulletin is read against, empties it. A nil Cache keeps
// nothing. The bulletins it returns are shared, and must not be changed;
// nothing after loading changes them.
type Cache struct {
	mu    sync.Mutex
	site  string // the digest of the site.yaml the entries were read with
	old   map[string]cached
	new   map[string]cached
	texts *spool.Spool // the texts of the entries, and of this load's files
}

type cached struct {
	sum   string
	stamp stamp // of the file as it was read, or none
	b     *bulletin.Bulletin
	t     *bulletin.Translation
	errs  bulletin.ErrorList
}

// Dir is Dir, through the cache.
func (c *Cache) Dir(fsys fs.FS, name string) (*bulletin.Site, []*bulletin.Bulletin, bulletin.ErrorList) {
	var errs bulletin.ErrorList
	site, serrs := Site(fsys, name)
	errs.Append(serrs)
	texts, start := c.start(site.Source+"\x00"+name), time.Now()
	defer c.finish()

	var files []string
	var entries []fs.DirEntry
	walkErr := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			errs.Add(filePos(name, p), "cannot read: %v", unwrapPath(err))
			return nil
		}
		base := d.Name()
		if p != "." && (strings.HasPrefix(base, ".") || strings.HasPrefix(base, "_")) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			errs.Add(filePos(name, p), "symbolic links are not allowed; copy the file in instead")
			return nil
		}
		if d.IsDir() || p == SiteFile || isSiteText(p) || !(strings.HasSuffix(base, ".yaml") || strings.HasSuffix(base, ".yml")) {
			return nil
		}
		if !d.Type().IsRegular() {
			errs.Add(filePos(name, p), "not a regular file")
			return nil
		}
		files, entries = append(files, p), append(entries, d)
		if len(files) > MaxFiles {
			return fmt.Errorf("more than %d bulletin files; split the site", MaxFiles)
		}
		return nil
	})
	if walkErr != nil {
		errs.Add(filePos(name, "."), "%v", walkErr)
		errs.Sort()
		return site, nil, errs
	}

	// Parse on every core; each file's result keeps its place, so the
	// outcome does not depend on which finishes first.
	type result struct {
		b    *bulletin.Bulletin
		t    *bulletin.Translation
		errs bulletin.ErrorList
	}
	isFile := map[string]bool{}
	for _, p := range files {
		isFile[p] = true
	}
	results := make([]result, len(files))
	var next atomic.Int64 // the next file to read, taken by the core that is free
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(files)) {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= len(files) {
					return
				}
				// A file is cached as what it was read as: a file
				// that translates another only while that one is
				// there is a bulletin of its own when it is not.
				of, lang, translation := translationOf(files[i], isFile, site.Languages)
				key := files[i]
				if translation {
					key += "\x00" + of + "\x00" + lang
				}
				var st stamp
				if c != nil {
					st = stampOf(entries[i], start)
				}
				if e, ok := c.unchanged(key, st); ok {
					results[i] = result{e.b, e.t, e.errs}
					continue
				}
				var r result
				if translation {
					r.t, r.errs = readTranslation(fsys, name, files[i], key, st, of, lang, texts, c)
				} else {
					r.b, r.errs = readBulletin(fsys, name, files[i], key, st, site, texts, c)
				}
				results[i] = r
			}
		})
	}
	wg.Wait()
	bulletins := make([]*bulletin.Bulletin, 0, len(files))
	for _, r := range results {
		errs.Append(r.errs)
		if r.b != nil {
			bulletins = append(bulletins, r.b)
		}
		if r.t != nil {
			site.Translations = append(site.Translations, r.t)
		}
	}
	errs.Sort()
	return site, bulletins, errs
}

// start begins a load of the folder whose site.yaml has the digest site,
// and returns the spool for its texts.
func (c *Cache) start(site string) *spool.Spool {
	if c == nil {
		return spool.New(spool.Held)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.site != site || c.texts == nil {
		// A new spool with the entries: the old one goes once no model
		// made from it is left.
		c.site, c.old, c.texts = site, nil, spool.New(spool.Held)
	}
	c.new = map[string]cached{}
	return c.texts
}

// finish keeps the files of this load alone, forgetting those gone.
func (c *Cache) finish() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.old, c.new = c.new, nil
}

// A stamp is what a folder says of a file without reading it.
type stamp struct {
	size      int64
	mod, nsec int64 // the modification time, in Unix seconds and nanoseconds
	mode      fs.FileMode
}

// settled is how long after its last change a file's stamp is trusted:
// a second change within the same tick of a file system's clock (two
// seconds on some) and of the same size would leave it as it was.
const settled = 3 * time.Second

// stampOf returns the stamp of the file d, or none when it may yet
// change without its stamp changing: when it changed less than settled
// before the load began, or its file system keeps no times.
func stampOf(d fs.DirEntry, start time.Time) stamp {
	info, err := d.Info()
	if err != nil || info.ModTime().IsZero() || !info.ModTime().Before(start.Add(-settled)) {
		return stamp{}
	}
	mod := info.ModTime()
	return stamp{info.Size(), mod.Unix(), int64(mod.Nanosecond()), info.Mode()}
}

// unchanged returns the entry of the file cached under key p (its path,
// and for a translation what it translates) when its stamp is the one it
// was read with.
func (c *Cache) unchanged(p string, st stamp) (cached, bool) {
	if st == (stamp{}) {
		return cached{}, false
	}
	return c.keep(p, st, func(e cached) bool { return e.stamp == st })
}

// get returns the entry cached under key p when it was read with the
// digest sum, stamping it with st.
func (c *Cache) get(p, sum string, st stamp) (cached, bool) {
	return c.keep(p, st, func(e cached) bool { return e.sum == sum })
}

// keep carries the entry cached under key p into this load, stamped with
// st, when same says it is still the file's.
func (c *Cache) keep(p string, st stamp, same func(cached) bool) (cached, bool) {
	if c == nil {
		return cached{}, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.old[p]
	if !ok || !same(e) {
		return cached{}, false
	}
	e.stamp = st
	c.new[p] = e
	return e, true
}

func (c *Cache) put(p string, e cached) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.new[p] = e
}

func filePos(dir, p string) bulletin.Pos {
	return bulletin.Pos{File: path.Join(dir, p), Line: 1, Col: 1}
}

// unwrapPath drops the operation and path of an fs.PathError, which the
// message's position already names.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// readFile reads one YAML file and returns its single document's root,
// or nil with the problems found.
func readFile(fsys fs.FS, dir, p string) (*yaml.Node, *decoder) {
	data, d := readBytes(fsys, dir, p)
	if data == nil {
		return nil, d
	}
	return parseFile(data, d)
}

// readBytes reads the file p of fsys, named dir/p in messages, and
// returns it with a decoder whose sum is its digest, or nil and the
// decoder's problems.
func readBytes(fsys fs.FS, dir, p string) ([]byte, *decoder) {
	d := &decoder{file: path.Join(dir, p)}
	f, err := fsys.Open(p)
	if err != nil {
		d.errs.Add(filePos(dir, p), "cannot read: %v", unwrapPath(err))
		return nil, d
	}
	defer f.Close()
	// Room for the whole file when its size is known, so that it takes
	// one read and one more to see its end, not one for every 512 bytes.
	var buf bytes.Buffer
	if info, err := f.Stat(); err == nil && info.Size() >= 0 && info.Size() <= MaxFileSize {
		buf.Grow(int(info.Size()) + bytes.MinRead)
	}
	_, err = buf.ReadFrom(io.LimitReader(f, MaxFileSize+1))
	data := buf.Bytes()
	if err != nil {
		d.errs.Add(filePos(dir, p), "cannot read: %v", unwrapPath(err))
		return nil, d
	}
	if len(data) > MaxFileSize {
		d.errs.Add(filePos(dir, p), "the file is larger than %d KiB; split it or shorten it", MaxFileSize>>10)
		return nil, d
	}
	h := sha256.Sum256(data)
	d.sum = hex.EncodeToString(h[:])
	return data, d
}

// parseFile parses the bytes of the file d reads into its root node.
func parseFile(data []byte, d *decoder) (*yaml.Node, *decoder) {
	if !d.checkBytes(data) {
		return nil, d
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if err == io.EOF {
			d.errs.Add(bulletin.Pos{File: d.file, Line: 1, Col: 1}, "the file is empty")
		} else {
			d.syntaxError(data, err)
		}
		return nil, d
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case err == io.EOF:
	case err != nil:
		d.syntaxError(data, err)
		return nil, d
	default:
		d.errorf(&next, "the file holds more than one YAML document; remove the \"---\" line and everything after it, or move it to a file of its own")
		return nil, d
	}
	root := doc.Content[0]
	d.noAnchors(root, map[string]bool{})
	if len(d.errs) > 0 {
		return nil, d
	}
	return root, d
}

// checkBytes reports invalid UTF-8 and control characters at their line
// and column, before the YAML parser sees them and reports them less
// clearly.
func (d *decoder) checkBytes(data []byte) bool {
	if utf8.Valid(data) && bulletin.IndexRefused(data) < 0 {
		return true // the common case, found without decoding a rune
	}
	if utf16(data) {
		d.errs.Add(bulletin.Pos{File: d.file, Line: 1, Col: 1}, "the file is saved as UTF-16 text; save it as UTF-8 (in Notepad: File, Save as, Encoding: UTF-8)")
		return false
	}
	line, col := 1, 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		pos := bulletin.Pos{File: d.file, Line: line, Col: col}
		switch {
		case r == utf8.RuneError && size <= 1:
			d.errs.Add(pos, "the file is not valid UTF-8 text (byte 0x%02x); save it as UTF-8", data[i])
			return false
		case r == '\ufeff' && i == 0:
			// A byte order mark, allowed at the start.
		case bulletin.Refused(r):
			d.errs.Add(pos, "control character %U is not allowed; remove it", r)
			return false
		}
		switch {
		case r == '\n':
			line, col = line+1, 1
		case r == '\ufeff' && i == 0:
			// Not a column, as YAML counts them.
		default:
			col++
		}
		i += size
	}
	return true
}

// yamlLineRE reads the line number out of a yaml.v3 syntax error. yaml.v3
// exposes the position of a syntax error only inside its message, so this
// is the one place where prayerfeed reads a position from text.
var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// syntaxHints explain yaml.v3's syntax errors to people who are not
// programmers, by the mistakes that cause them most often.
var syntaxHints = map[string]string{
	"mapping values are not allowed in this context": "a colon followed by a space inside a value starts a new key; put the value in quotes",
	"found character that cannot start any token":    "a value that starts with @, ` or % must be in quotes",
	"did not find expected key":                      "check the indentation of this line, and quotation marks inside quoted text",
	"found unexpected end of stream":                 "a quotation mark or bracket is not closed",
	"could not find expected ':'":                    "each line of a mapping is \"key: value\"; is a colon missing, or does a long value need quotes?",
	"did not find expected node content":             "a value is missing, or a list or mapping is not closed",
	"did not find expected '-' indicator":            "check the indentation of this line",
}

func (d *decoder) syntaxError(data []byte, err error) {
	msg := err.Error()
	line := 1
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	// yaml.v3's parser errors name the line where the enclosing block
	// starts, counted from 0; its scanner errors the line of the mistake.
	// For the parser's, find the first line at which the file stops
	// parsing.
	if strings.HasPrefix(msg, "did not find expected") {
		line = firstBadLine(data, false)
		if ls := bytes.Split(data, []byte("\n")); line <= len(ls) && bytes.Count(ls[line-1], []byte(`"`))%2 == 1 && closedBelow(ls, line) {
			// Cut inside a quoted text of several lines, which is not
			// the mistake: look for the first line that is one.
			line = firstBadLine(data, true)
		}
	}
	lines := bytes.Split(data, []byte("\n"))
	// A tab in indentation is the most common cause of a syntax error by
	// people used to word processors; say so, and where.
	for i, l := range lines {
		if j := bytes.IndexByte(l, '\t'); j >= 0 && len(bytes.TrimLeft(l[:j], " ")) == 0 && i+1 <= line+1 {
			d.errs.Add(bulletin.Pos{File: d.file, Line: i + 1, Col: j + 1}, "a tab is used for indentation; indent with spaces")
			return
		}
	}
	if !d.checkPasted(lines, line) {
		return
	}
	col := 1
	if line >= 1 && line <= len(lines) {
		if l := lines[line-1]; len(bytes.TrimSpace(l)) > 0 {
			col = len(l) - len(bytes.TrimLeft(l, " ")) + 1
		}
	}
	if line >= 1 && line <= len(lines) {
		if c, hint := lineHint(lines, line); hint != "" {
			d.errs.Add(bulletin.Pos{File: d.file, Line: line, Col: c}, "%s", hint)
			return
		}
	}
	if hint, ok := syntaxHints[msg]; ok {
		msg += " (" + hint + ")"
	}
	d.errs.Add(bulletin.Pos{File: d.file, Line: line, Col: col}, "invalid YAML: %s", msg)
}

var (
	// keyValue matches "key: value" and "- key: value", the value's start
	// at group 2.
	keyValue = regexp.MustCompile(`^ *(?:- +)?([A-Za-z_]+): +(\S)`)
	// noColon matches a line that begins with a word and a space, the
	// word at group 1.
	noColon = regexp.MustCompile(`^ *(?:- +)?([a-z_]+) +[^ :]`)
	// plainKey matches a line that begins a key at the left margin.
	plainKey = regexp.MustCompile(`^[A-Za-z_]+:( |$)`)
)

// lineHint says, for the line n (1-based) of lines at which YAML stopped,
// what the mistakes everyone makes look like there, in plain words, and
// at which column; or "".
func lineHint(lines [][]byte, n int) (int, string) {
	l := string(lines[n-1])
	if m := keyValue.FindStringSubmatchIndex(l); m != nil {
		key, at := l[m[2]:m[3]], m[4]
		switch v := l[at:]; v[0] {
		case '*', '&', '!', '%', '@', '`':
			return at + 1, fmt.Sprintf("%s begins with %q, which YAML reads as markup of its own: put the whole value in quotes, such as %s: \"%s\"", key, v[:1], key, strings.ReplaceAll(v, `"`, `\"`))
		case '"':
			// Unclosed on its line, and closing it there mends the file
			// up to at least the next line: a quoted text may also go on
			// over several lines, and the mistake be elsewhere.
			if !strings.Contains(strings.ReplaceAll(v[1:], `\"`, ""), `"`) && !closedBelow(lines, n) {
				return at + 1, fmt.Sprintf("the quotation mark that begins the %s is not closed on its line, so YAML reads on into the lines below: end the %s with \" (a text of many lines goes in a block: the key, then \"|\", then its lines indented below it)", key, key)
			}
		case '\'':
			// 'God's care': the apostrophe closes the quoted text.
			if i := strings.Index(v[1:], "'"); i >= 0 && i+2 < len(v) && v[i+2] != '\'' {
				return utf8.RuneCountInString(l[:at+1+i]) + 1, fmt.Sprintf("the apostrophe after %q ends the quoted text that begins with ' at column %d: quote the %s with double quotes instead (\"%s\"), or write the apostrophe twice ('')",
					v[1:i+1], at+1, key, strings.Trim(v, "'"))
			}
		}
	}
	// A key without its colon: "publish 2026-11-20 06:00".
	if m := noColon.FindStringSubmatchIndex(l); m != nil && knownKey(l[m[2]:m[3]]) {
		key := l[m[2]:m[3]]
		return m[3] + 1, fmt.Sprintf("a colon is missing after %s: write \"%s: %s\"", key, key, strings.TrimSpace(l[m[3]:]))
	}
	// A paragraph of a text pasted at the left margin, below an indented
	// key's text.
	if len(l) > 0 && l[0] != ' ' && l[0] != '-' && l[0] != '#' && !plainKey.MatchString(l) && n > 1 {
		for i := n - 2; i >= 0; i-- {
			prev := string(lines[i])
			if strings.TrimSpace(prev) == "" {
				continue
			}
			if prev[0] == ' ' {
				return 1, "this line is not indented, so YAML does not read it as part of the text above it: indent it as far as the text it continues (a second paragraph too), or write that text as a block: the key, then \"|\", then every line indented below it"
			}
			break
		}
	}
	return 0, ""
}

// knownKey reports whether name is a key of any mapping of site.yaml or a
// bulletin.
func knownKey(name string) bool {
	for _, ks := range keys {
		if slices.Contains(ks, name) {
			return true
		}
	}
	return false
}

// closedBelow reports whether the quoted text that opens on line n
// (1-based) and is not closed there is closed on a later line that
// continues it, indented further than line n.
func closedBelow(lines [][]byte, n int) bool {
	indent := func(l []byte) int { return len(l) - len(bytes.TrimLeft(l, " ")) }
	for _, l := range lines[n:] {
		if len(bytes.TrimSpace(l)) == 0 {
			continue
		}
		if indent(l) <= indent(lines[n-1]) {
			return false
		}
		if bytes.Contains(bytes.ReplaceAll(l, []byte(`\"`), nil), []byte(`"`)) {
			return true
		}
	}
	return false
}

// firstBadLine returns the first line n such that the file's first n
// lines do not parse, found by bisection, or 1. With unfinished, lines
// that stop inside a value still to be closed count as parsing.
func firstBadLine(data []byte, unfinished bool) int {
	lines := bytes.SplitAfter(data, []byte("\n"))
	fails := func(n int) bool {
		var node yaml.Node
		err := yaml.Unmarshal(bytes.Join(lines[:n], nil), &node)
		return err != nil && !(unfinished && strings.Contains(err.Error(), "end of stream"))
	}
	lo, hi := 1, len(lines)
	if !fails(hi) {
		return 1
	}
	for lo < hi {
		mid := (lo + hi) / 2
		if fails(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// Site loads the site's settings from site.yaml at the root of fsys.
// It returns a usable Site, with defaults, even when there are problems.
func Site(fsys fs.FS, dir string) (*bulletin.Site, bulletin.ErrorList) {
	site := &bulletin.Site{
		Language:      "en",
		FeedLimit:     DefaultFeedLimit,
		PastDays:      DefaultPastDays,
		CancelledDays: DefaultCancelledDays,
		Refresh:       DefaultRefresh,
		EventDuration: DefaultEventDuration,
	}
	site.Pos = filePos(dir, SiteFile)
	root, d := readFile(fsys, dir, SiteFile)
	if root == nil {
		return site, d.errs
	}
	m := d.mapping(root, "site.yaml", keys["site.yaml"]...)
	site.Pos = d.pos(root)
	site.Source = d.sum
	site.Fields = m.fields
	site.Title = m.line("title", true)
	site.Description = m.markdown("description", true)
	if s, v := m.scalar("base_url", true); v != nil {
		u, err := url.Parse(strings.TrimSpace(s))
		if err != nil || !u.IsAbs() {
			d.errorf(v, "base_url %q must be an absolute https URL such as \"https://example.org/prayer/\"", s)
		} else {
			if !strings.HasSuffix(u.Path, "/") {
				u.Path += "/"
			}
			site.BaseURL = u
		}
	}
	if s := m.line("language", false); s != "" {
		if _, err := language.Parse(s); err != nil {
			d.errorf(m.values["language"], "language %s is not a BCP 47 tag such as \"en\" or \"en-GB\"", short(s))
		}
		site.Language = s
	}
	site.Languages = []string{site.Language}
	if list := m.list("languages", false); list != nil {
		site.Languages = nil
		for i, n := range list {
			tag := d.lines([]*yaml.Node{n}, "languages must list language tags, such as \"en\" or \"es\"")
			if len(tag) == 0 {
				continue
			}
			switch _, err := language.Parse(tag[0]); {
			case err != nil:
				d.errorf(n, "language %s is not a BCP 47 tag such as \"es\" or \"pt-BR\"", short(tag[0]))
			case slices.Contains(site.Languages, tag[0]):
				d.errorf(n, "languages lists %s twice", tag[0])
			case i == 0 && m.node("language") != nil && tag[0] != site.Language:
				d.errorf(n, "languages lists the site's own language first, and language says that is %s; write %s first, or leave language out", site.Language, site.Language)
			default:
				site.Languages = append(site.Languages, tag[0])
			}
		}
		if len(site.Languages) > 0 {
			site.Language = site.Languages[0]
		}
	}
	site.Location = m.zone("timezone")
	site.IDDomain = m.line("id_domain", false)
	if site.IDDomain == "" && site.BaseURL != nil {
		site.IDDomain = site.BaseURL.Hostname()
	}
	if n := m.node("organization"); n != nil || m.require("organization") {
		om := d.mapping(n, "organization", keys["organization"]...)
		site.Org.Name = om.line("name", true)
		site.Org.Email = om.line("email", false)
		site.Org.URL = om.absURL("url", false)
		if p, ok := om.fields.Get("email"); ok {
			site.Fields.Set("organization.email", p)
		}
	}
	site.About = m.markdown("about", false)
	site.Icon = m.absURL("icon", false)
	site.Logo = m.absURL("logo", false)
	site.Newsletter = m.absURL("newsletter", false)
	site.Accent = m.line("accent", false)
	site.Hub = m.absURL("hub", false)
	site.FeedLimit = int(m.integer("feed_limit", DefaultFeedLimit))
	site.PastDays = int(m.integer("calendar_past_days", DefaultPastDays))
	site.CancelledDays = int(m.integer("cancelled_days", DefaultCancelledDays))
	site.Refresh = m.duration("refresh", DefaultRefresh)
	site.EventDuration = m.duration("event_duration", DefaultEventDuration)
	site.Retired = d.lines(m.list("retired", false), "retired must list IDs, such as \"tag:prayer.example.org,2026-11-20:2026-11-20/africa-1\"")
	if n := m.node("podcast"); n != nil {
		site.Podcast = d.podcast(n, m.keys["podcast"], site)
	}
	for _, n := range m.list("regions", true) {
		rm := d.mapping(n, "region", keys["region"]...)
		site.Regions = append(site.Regions, &bulletin.Region{
			Pos:         d.pos(n),
			Fields:      rm.fields,
			ID:          rm.line("id", true),
			Name:        rm.line("name", true),
			Description: rm.markdown("description", false),
		})
		for _, n := range rm.list("aliases", false) {
			for _, name := range d.lines([]*yaml.Node{n}, "aliases must list the other names of the region's heading, such as \"Africa & Europe\"") {
				r := site.Regions[len(site.Regions)-1]
				r.Aliases = append(r.Aliases, bulletin.Alias{Pos: d.pos(n), Name: name})
			}
		}
	}
	switch n := m.node("diary"); {
	case n == nil:
	case n.Kind == yaml.ScalarNode && (n.Value == "false" || n.Value == "off" || n.Value == "no"):
		site.DiaryOff = true
	default:
		dm := d.mapping(n, "diary", keys["diary"]...)
		for _, v := range dm.list("regions", false) {
			if v.Kind != yaml.ScalarNode || site.Region(strings.TrimSpace(v.Value)) == nil {
				d.errorf(v, "diary's regions must be region ids of site.yaml, not %s", describe(v))
				continue
			}
			site.DiaryRegions = append(site.DiaryRegions, strings.TrimSpace(v.Value))
		}
	}
	site.Notes = d.notes
	for _, lang := range site.Languages[min(1, len(site.Languages)):] {
		siteTexts(fsys, dir, site, lang, &d.errs)
	}
	return site, d.errs
}

// lines returns the texts of a list of one-line texts, what with a
// problem at each item that is not one.
func (d *decoder) lines(list []*yaml.Node, what string) []string {
	var out []string
	for _, n := range list {
		if n.Kind != yaml.ScalarNode || strings.TrimSpace(n.Value) == "" || strings.ContainsAny(n.Value, "\n\r") {
			d.errorf(n, "%s, not %s", what, describe(n))
			continue
		}
		out = append(out, strings.TrimSpace(n.Value))
	}
	return out
}

// PodcastNamespace is the namespace of the name-based UUIDs that the
// Podcasting 2.0 namespace makes podcast:guid from
// (https://podcastindex.org/namespace/1.0#guid).
var PodcastNamespace = uuid.MustParse("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")

// podcast reads the podcast settings, whose key is k, filling in defaults
// from the rest of site.yaml, which must be read already.
func (d *decoder) podcast(n, k *yaml.Node, site *bulletin.Site) *bulletin.Podcast {
	m := d.mapping(n, "podcast", keys["podcast"]...)
	p := &bulletin.Podcast{
		Pos:         d.pos(k),
		Settings:    d.pos(n),
		Fields:      m.fields,
		Title:       cmp.Or(m.line("title", false), site.Title),
		Author:      cmp.Or(m.line("author", false), site.Org.Name),
		Owner:       bulletin.Org{Name: site.Org.Name, Email: site.Org.Email},
		Image:       m.absURL("image", false),
		Category:    m.line("category", false),
		Subcategory: m.line("subcategory", false),
		Explicit:    m.boolean("explicit"),
		GUID:        m.line("guid", false),
		Locked:      true,
	}
	if m.node("locked") != nil {
		p.Locked = m.boolean("locked")
	}
	if on := m.node("owner"); on != nil {
		om := d.mapping(on, "owner", keys["owner"]...)
		p.Owner.Name = cmp.Or(om.line("name", false), p.Owner.Name)
		p.Owner.Email = cmp.Or(om.line("email", false), p.Owner.Email)
		if pos, ok := om.fields.Get("email"); ok {
			p.Fields.Set("owner.email", pos)
		}
	}
	if p.GUID == "" && site.BaseURL != nil {
		p.GUID = PodcastGUID(site.IDDomain + site.BaseURL.Path + bulletin.PodcastPath)
	}
	return p
}

// PodcastGUID returns the podcast:guid that the Podcasting 2.0 namespace
// makes from a feed's URL: the name-based UUID (version 5) of the URL
// without its scheme and trailing slashes, in PodcastNamespace.
func PodcastGUID(feedURL string) string {
	_, rest, ok := strings.Cut(feedURL, "://")
	if !ok {
		rest = feedURL
	}
	return uuid.NewSHA1(PodcastNamespace, []byte(strings.TrimRight(rest, "/"))).String()
}

// absURL reads key's value as an absolute http or https URL.
func (m *mapping) absURL(key string, required bool) string {
	s := m.line(key, required)
	if s == "" {
		return ""
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		m.d.errorf(m.values[key], "%s %s must be an absolute URL starting with https:// (or http://)", key, short(s))
		return ""
	}
	return u.String()
}

// readBulletin loads the bulletin in file p.
func readBulletin(fsys fs.FS, dir, p, key string, st stamp, site *bulletin.Site, texts *spool.Spool, c *Cache) (*bulletin.Bulletin, bulletin.ErrorList) {
	data, d := readBytes(fsys, dir, p)
	if data == nil {
		return nil, d.errs
	}
	if e, ok := c.get(key, d.sum, st); ok {
		return e.b, e.errs
	}
	b, errs := decodeBulletin(data, d, p, site)
	d.texts.Write(texts)
	c.put(key, cached{sum: d.sum, stamp: st, b: b, errs: errs})
	return b, errs
}

// readTranslation loads the translation in file p of the bulletin in file
// of, into lang.
func readTranslation(fsys fs.FS, dir, p, key string, st stamp, of, lang string, texts *spool.Spool, c *Cache) (*bulletin.Translation, bulletin.ErrorList) {
	data, d := readBytes(fsys, dir, p)
	if data == nil {
		return nil, d.errs
	}
	if e, ok := c.get(key, d.sum, st); ok {
		return e.t, e.errs
	}
	t, errs := decodeTranslation(data, d, p, of, lang)
	d.texts.Write(texts)
	c.put(key, cached{sum: d.sum, stamp: st, t: t, errs: errs})
	return t, errs
}

func decodeBulletin(data []byte, d *decoder, p string, site *bulletin.Site) (*bulletin.Bulletin, bulletin.ErrorList) {
	root, d := parseFile(data, d)
	if root == nil {
		return nil, d.errs
	}
	if root.Kind != yaml.MappingNode {
		d.errorf(root, "a bulletin must be a mapping of keys and values, not %s", describe(root))
		return nil, d.errs
	}
	b := d.bulletin(root, site)
	b.File = p
	b.Source = d.sum
	b.Notes = d.notes
	return b, d.errs
}

func (d *decoder) bulletin(root *yaml.Node, site *bulletin.Site) *bulletin.Bulletin {
	m := d.mapping(root, "bulletin", keys["bulletin"]...)
	b := &bulletin.Bulletin{Pos: d.pos(root), Fields: m.fields, Language: site.Language}
	loc := site.Location
	if z := m.zone("timezone"); z != nil {
		loc = z
	}
	const hint = "add a timezone to the bulletin or to site.yaml"
	b.Date, _, _ = m.dateTime("date", true, loc, hint)
	b.Publish, _, _ = m.dateTime("publish", false, loc, hint)
	b.Updated, _, _ = m.dateTime("updated", false, loc, hint)
	b.Title = m.line("title", true)
	b.ID = m.line("id", false)
	if v, ok := m.values["id"]; ok && b.ID == "" {
		d.errorf(v, "id is empty; give an id or leave the key out")
	} else if !ok && !b.Date.IsZero() {
		b.ID = b.Date.Format("2006-01-02")
		p, _ := m.fields.Get("date")
		b.Fields.Set("id", p)
	}
	b.Draft = m.boolean("draft")
	if n := m.node("scripture"); n != nil || m.require("scripture") {
		sm := d.mapping(n, "scripture", keys["scripture"]...)
		b.Scripture = bulletin.Scripture{
			Reference: sm.line("reference", true),
			Version:   sm.line("version", false),
		}
		b.Scripture.Text = sm.markdown("text", true)
		b.Placeholders = strings.Contains(b.Scripture.Text, bulletin.Placeholder)
		// Where the scripture's texts are, for messages about either.
		for _, k := range []string{"text", "reference"} {
			if v := sm.values[k]; v != nil {
				b.Fields.Set("scripture."+k, d.pos(v))
			}
		}
	}
	intro := m.markdown("intro", false)
	d.texts.Add(&b.Intro, intro)
	b.Placeholders = b.Placeholders || strings.Contains(intro, bulletin.Placeholder)
	if n := m.node("audio"); n != nil {
		b.Audio = d.audio(n)
	}
	perRegion := map[string]int{}
	items := m.list("items", true)
	if v := m.node("items"); v != nil && v.Kind == yaml.SequenceNode && len(items) == 0 {
		d.errorf(v, "the bulletin has no items; add at least one praise or prayer point")
	}
	for _, n := range items {
		pt := d.point(n, b, loc, site, perRegion)
		b.Points = append(b.Points, pt)
	}
	if n := m.node("diary"); n != nil {
		d.diary(n, b)
	}
	return b
}

// diary reads a bulletin's diary: the order of its points in the prayer
// diary, as a list of their ids, or the point of given days, as a
// mapping of days to ids.
func (d *decoder) diary(n *yaml.Node, b *bulletin.Bulletin) {
	known := func(v *yaml.Node) bool {
		if v.Kind != yaml.ScalarNode || b.Point(strings.TrimSpace(v.Value)) == nil {
			ids := make([]string, len(b.Points))
			for i, pt := range b.Points {
				ids[i] = pt.ID
			}
			d.errorf(v, "diary names %s, which is no point of this bulletin; its points are %s", describe(v), commaList(ids))
			return false
		}
		return true
	}
	switch n.Kind {
	case yaml.SequenceNode:
		for _, v := range n.Content {
			if known(v) {
				b.DiaryOrder = append(b.DiaryOrder, strings.TrimSpace(v.Value))
			}
		}
	case yaml.MappingNode:
		b.DiaryDays = map[bulletin.Date]string{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			day, err := parseDate(strings.TrimSpace(k.Value))
			switch {
			case err != nil:
				d.errorf(k, "diary: %v", err)
			case day.Before(bulletin.DateOf(b.Date)):
				d.errorf(k, "diary gives %s, before the bulletin's date %s", day, bulletin.DateOf(b.Date))
			case known(v):
				b.DiaryDays[day] = strings.TrimSpace(v.Value)
			}
		}
	default:
		d.errorf(n, "diary must list the points' ids in the order to pray them, or give days, such as 2026-11-28: africa-1, not %s", describe(n))
	}
}

func (d *decoder) audio(n *yaml.Node) *bulletin.Audio {
	m := d.mapping(n, "audio", keys["audio"]...)
	a := &bulletin.Audio{
		Pos:      d.pos(n),
		URL:      m.absURL("url", true),
		Type:     m.line("type", true),
		Duration: m.clockDuration("duration"),
	}
	m.require("length")
	if a.Length = m.integer("length", 0); a.Length <= 0 && m.node("length") != nil {
		d.errorf(m.values["length"], "length must be the file's size in bytes, more than 0")
	}
	if a.Type != "" && !strings.HasPrefix(a.Type, "audio/") && !strings.HasPrefix(a.Type, "video/") {
		d.errorf(m.values["type"], "type %q must be a media type such as \"audio/mpeg\"", a.Type)
	}
	return a
}

func (d *decoder) point(n *yaml.Node, b *bulletin.Bulletin, loc *time.Location, site *bulletin.Site, perRegion map[string]int) *bulletin.Point {
	m := d.mapping(n, "item", keys["item"]...)
	pt := &bulletin.Point{Pos: d.pos(n), Fields: m.fields, Bulletin: b}
	pt.Region = m.line("region", true)
	r := site.Region(pt.Region)
	known := pt.Region != "" && r != nil
	if known {
		pt.Region = r.ID // site.yaml's copy, not one a point
	}
	// A draft's point whose region its writer must choose (an imported
	// paragraph under a heading that names none) says region: TODO.
	if !known && pt.Region != "" && pt.Region != bulletin.Placeholder && len(site.Regions) > 0 {
		ids := make([]string, len(site.Regions))
		for i, r := range site.Regions {
			ids[i] = r.ID
		}
		d.errorf(m.values["region"], "unknown region %s%s; site.yaml lists %s", short(pt.Region), didYouMean(pt.Region, ids), commaList(ids))
	}
	pt.Kind = bulletin.Kind(m.enum("kind", true, "", string(bulletin.Praise), string(bulletin.Prayer)))
	body := m.markdown("body", true)
	d.texts.Add(&pt.Body, body)
	b.Placeholders = b.Placeholders || strings.Contains(body, bulletin.Placeholder)
	pt.Sketch = bulletin.SketchOf(body)
	pt.Title = m.line("title", false)
	if pt.Title == "" && body != "" {
		pt.Title = markdown.FirstSentence(body, titleLength)
		pt.TitleAuto = true
	}
	perRegion[pt.Region]++
	pt.ID = m.line("id", false)
	if v, ok := m.values["id"]; ok && pt.ID == "" {
		d.errorf(v, "id is empty; give an id or leave the key out")
	} else if !ok && known {
		pt.ID = fmt.Sprintf("%s-%d", pt.Region, perRegion[pt.Region])
		pt.IDAuto = true
		p, _ := m.fields.Get("region")
		pt.Fields.Set("id", p)
	}
	pt.Private = m.boolean("private")
	for _, en := range m.list("events", false) {
		pt.Events = append(pt.Events, d.event(en, pt, loc, site))
	}
	return pt
}

// enum reads key's value as one of the allowed words.
func (m *mapping) enum(key string, required bool, def string, allowed ...string) string {
	s := m.line(key, required)
	if s == "" {
		return def
	}
	i := slices.Index(allowed, s)
	if i < 0 {
		m.d.errorf(m.values[key], "unknown %s %s%s; use %s", key, short(s), didYouMean(s, allowed), orList(allowed))
		return def
	}
	return allowed[i] // the word prayerfeed knows, not the file's copy of it
}

func (d *decoder) event(n *yaml.Node, pt *bulletin.Point, loc *time.Location, site *bulletin.Site) *bulletin.Event {
	m := d.mapping(n, "event", keys["event"]...)
	e := &bulletin.Event{Pos: d.pos(n), Fields: m.fields, Point: pt}
	e.ID = m.line("id", true)
	e.Kind = bulletin.EventKind(m.enum("kind", true, "", string(bulletin.Hearing), string(bulletin.Gathering)))
	e.Title = m.line("title", true)
	e.Location = m.line("location", false)
	e.URL = m.absURL("url", false)
	e.Status = bulletin.Status(m.enum("status", false, string(bulletin.Confirmed),
		string(bulletin.Confirmed), string(bulletin.Tentative), string(bulletin.Postponed), string(bulletin.Cancelled)))
	e.Private = m.boolean("private")
	if z := m.zone("timezone"); z != nil {
		loc = z
	}
	e.Zone = loc

	_, hasStart := m.values["start"]
	_, hasDate := m.values["date"]
	switch {
	case hasStart && hasDate:
		d.errorf(m.values["date"], "an event has either start (a time) or date (all day), not both")
	case hasStart:
		const hint = "add timezone: to the event, naming the zone where it happens"
		start, timed, ok := m.dateTime("start", true, loc, hint)
		if ok && !timed {
			d.errorf(m.values["start"], "start %q needs a time of day, such as \"%s 09:00\"; for an all-day event write date: instead", m.values["start"].Value, m.values["start"].Value)
			ok = false
		}
		if ok {
			e.Start = start
			e.End = start.Add(site.EventDuration)
			if v := m.node("end"); v != nil {
				if isTimeOnly(v) {
					// "end: 12:00" means that time on the start's day.
					if c := clockRE.FindStringSubmatch(strings.TrimSpace(v.Value)); c != nil {
						if ck, err := parseClock(c[1], c[2], c[3]); err != nil {
							d.errorf(v, "end %q: %v", v.Value, err)
						} else if t, err := localTime(bulletin.DateOf(start), ck, loc); err != nil {
							d.errorf(v, "end %q: %v", v.Value, err)
						} else {
							e.End = t
						}
					}
				} else if end, timed, ok := m.dateTime("end", false, loc, hint); ok {
					if !timed {
						d.errorf(v, "end %q needs a time of day, such as \"12:00\"", v.Value)
					} else {
						e.End = end
					}
				}
			}
		}
		if _, ok := m.values["until"]; ok {
			d.errorf(m.values["until"], "until is for all-day events; a timed event ends with end:")
		}
	case hasDate:
		e.AllDay = true
		e.Date, _ = m.date("date", true)
		e.Until, _ = m.date("until", false)
		if _, ok := m.values["end"]; ok {
			d.errorf(m.values["end"], "end is for timed events; an all-day event ends with until:")
		}
	default:
		d.errorf(n, "event needs start (a date and time, such as \"2026-11-30 09:00\") or date (all day, such as 2026-11-30)")
	}
	if rn := m.node("repeat"); rn != nil {
		reported := len(d.errs)
		e.Repeat = d.repeat(rn)
		if e.Repeat != nil && (len(d.errs) > reported || !d.checkOccurrences(rn, e)) {
			e.Repeat = nil // a repeat with a problem: nothing expands it
		}
	}
	e.Last = recur.LastDay(e)
	return e
}

var everyRE = regexp.MustCompile(`^(?:(\d+) )?(day|week|month|year)s?$`)

var freqs = map[string]string{"day": "DAILY", "week": "WEEKLY", "month": "MONTHLY", "year": "YEARLY"}

// repeat reads a repeat: either every ("week", "2 weeks", "month") or an
// RFC 5545 rule, and until or count.
func (d *decoder) repeat(n *yaml.Node) *bulletin.Repeat {
	m := d.mapping(n, "repeat", keys["repeat"]...)
	r := &bulletin.Repeat{Pos: d.pos(n)}
	if n.Kind != yaml.MappingNode {
		return nil
	}
	every, rule := m.line("every", false), m.line("rule", false)
	switch {
	case every != "" && rule != "":
		d.errorf(m.values["rule"], "repeat has either every or rule, not both")
	case every != "":
		p := everyRE.FindStringSubmatch(strings.ToLower(every))
		if p == nil {
			d.errorf(m.values["every"], "every %q is not a period such as \"week\", \"2 weeks\" or \"month\"", every)
			break
		}
		r.Rule = "FREQ=" + freqs[p[2]]
		if n, err := strconv.Atoi(p[1]); p[1] != "" && (err != nil || n < 1 || n > maxInterval) {
			d.errorf(m.values["every"], "every %s: the number must be from 1 to %d", short(every), maxInterval)
		} else if n > 1 {
			r.Rule += ";INTERVAL=" + p[1]
		}
	case rule != "":
		r.Rule = d.rule(m.values["rule"], rule, r)
	default:
		d.errorf(n, "repeat needs every (such as \"week\") or rule (an RFC 5545 RRULE such as \"FREQ=MONTHLY;BYDAY=1SA\")")
	}
	if until, ok := m.date("until", false); ok {
		if !r.Until.IsZero() {
			d.errorf(m.values["until"], "the rule already has UNTIL; give the end once")
		}
		r.Until = until
	}
	if c := m.integer("count", -1); m.node("count") != nil {
		switch {
		case c == -1:
			// Not a number: reported.
		case c < 1 || c > maxCount:
			d.errorf(m.values["count"], "count must be from 1 to %d, not %d", maxCount, c)
			c = -1
		case r.Count > 0:
			d.errorf(m.values["count"], "the rule already has COUNT; give the end once")
		}
		r.Count = int(c)
	}
	switch {
	case r.Count < 0 || r.Count > maxCount:
		// Reported above.
	case r.Until.IsZero() && r.Count == 0 && r.Rule != "" && m.node("until") == nil:
		d.errorf(n, "repeat never ends; add until (the last day, such as 2027-06-30) or count")
	case !r.Until.IsZero() && r.Count > 0:
		d.errorf(n, "repeat has both until and count; keep one")
	}
	for _, en := range m.list("except", false) {
		if en.Kind != yaml.ScalarNode {
			d.errorf(en, "except must list dates, not %s", describe(en))
			continue
		}
		day, err := parseDate(strings.TrimSpace(en.Value))
		if err != nil {
			d.errorf(en, "except %v", err)
			continue
		}
		r.Except = append(r.Except, day)
	}
	if len(r.Except) > maxCount {
		d.errorf(m.values["except"], "except lists %d days; at most %d may be left out", len(r.Except), maxCount)
	}
	return r
}
