package load

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	"github.com/prayerfeed/prayerfeed/internal/spool"
)

// A decoder turns the YAML nodes of one file into values, collecting a
// problem for every node that is not what it should be.
type decoder struct {
	file  string
	errs  bulletin.ErrorList
	notes bulletin.ErrorList // what is allowed but likely a mistake (Bulletin.Notes)
	sum   string             // SHA-256 of the file's bytes
	texts spool.Batch        // the file's long texts, to write to a spool
}

func (d *decoder) pos(n *yaml.Node) bulletin.Pos {
	return bulletin.Pos{File: d.file, Line: n.Line, Col: n.Column}
}

// maxErrors is the most problems reported in one file: past it, a file
// is likely not a bulletin at all, and more would bury the first.
const maxErrors = 50

func (d *decoder) errorf(n *yaml.Node, format string, args ...any) {
	if len(d.errs) == maxErrors {
		d.errs.Add(d.pos(n), "too many problems in this file; the rest are not shown")
	}
	if len(d.errs) > maxErrors {
		return
	}
	d.errs.Add(d.pos(n), format, args...)
}

// describe names the kind of a node for messages: "a list", "text", ...
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping of keys"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!null":
			return "empty"
		case "!!int", "!!float":
			return "the number " + n.Value
		case "!!bool":
			return n.Value
		}
		return short(n.Value)
	}
	return "something else"
}

// A mapping is a YAML mapping whose keys were checked against the keys
// its owner knows.
type mapping struct {
	d      *decoder
	n      *yaml.Node
	what   string // "item", "event", ...
	values map[string]*yaml.Node
	keys   map[string]*yaml.Node
	fields *bulletin.Fields
}

// mapping checks that n is a mapping with only the given keys, each once.
// On any other node it reports the problem and returns an empty mapping,
// so that callers go on and report more.
func (d *decoder) mapping(n *yaml.Node, what string, keys ...string) *mapping {
	m := &mapping{d: d, n: n, what: what, values: map[string]*yaml.Node{}, keys: map[string]*yaml.Node{}, fields: &bulletin.Fields{}}
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "%s must be a mapping of keys and values, not %s", what, describe(n))
		return m
	}
	m.fields.Grow(len(n.Content)/2 + 1) // and a key the loader derives, such as a point's id
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.errorf(k, "a key in %s must be a plain name, not %s", what, describe(k))
			continue
		}
		known := slices.Index(keys, k.Value)
		if known < 0 {
			d.errorf(k, "unknown key %s in %s%s", short(k.Value), what, didYouMean(k.Value, keys))
			continue
		}
		name := keys[known] // the table's string, not the file's: a site holds it a hundred thousand times
		if prev, dup := m.keys[name]; dup {
			if i > 0 && name == n.Content[0].Value && k.Column == prev.Column {
				// The mapping's first key again, lined up with it: the
				// "- " of a second list item is missing; one message.
				d.errorf(k, "a new %s seems to start here, but without the \"- \" that begins each one: write \"- %s:\" with the dash where the one above has it", what, name)
				return m
			}
			d.errorf(k, "key %q appears twice in %s; the first is at %s", name, what, d.pos(prev))
			continue
		}
		m.keys[name] = k
		m.values[name] = v
		m.fields.Set(name, d.pos(v))
	}
	return m
}

// empty reports a required value left empty, and why when a # made the
// rest of the line a comment.
func (m *mapping) empty(key string) {
	v := m.values[key]
	if commented(v, m.keys[key]) {
		m.d.errorf(v, "%s is empty: the text after # is a comment; put the value in quotes", key)
		return
	}
	m.d.errorf(v, "%s is empty", key)
}

// node returns the value of key, or nil when the key is absent or its
// value is null.
func (m *mapping) node(key string) *yaml.Node {
	v := m.values[key]
	if v == nil || v.Kind == yaml.ScalarNode && v.ShortTag() == "!!null" && v.Style == 0 {
		return nil
	}
	return v
}

// require reports a missing key.
func (m *mapping) require(key string) bool {
	if m.node(key) != nil {
		return true
	}
	if m.n.Kind == yaml.MappingNode {
		if _, ok := m.values[key]; ok {
			m.empty(key)
		} else {
			m.d.errorf(m.n, "%s is missing required key %q", m.what, key)
		}
	}
	return false
}

// scalar returns the text of key's value, or "" with a problem when the
// value is not a scalar.
func (m *mapping) scalar(key string, required bool) (string, *yaml.Node) {
	if required && !m.require(key) {
		return "", nil
	}
	v := m.node(key)
	if v == nil {
		return "", nil
	}
	if v.Kind != yaml.ScalarNode {
		m.d.errorf(v, "%s must be a single value, not %s", key, describe(v))
		return "", nil
	}
	if !m.d.checkText(v, key, v.Value) {
		return "", nil
	}
	return v.Value, v
}

// str returns key's value as text with surrounding space trimmed.
func (m *mapping) str(key string, required bool) string {
	s, v := m.scalar(key, required)
	s = strings.TrimSpace(s)
	if v != nil && v.Style == 0 && strings.HasPrefix(v.LineComment, "#") && textKeys[key] {
		// title: Chennai #1 conviction in a decade
		m.d.notes.Add(m.d.pos(v), "%s stops before %q: YAML reads \" #\" and what follows it as a comment, so the %s published is %q; to keep it all, put it in quotes",
			key, v.LineComment, key, s)
	}
	if v != nil && s == "" && required {
		m.empty(key)
	}
	if v == nil && !required && textKeys[key] {
		// title: #1 for freedom, read as a comment; but not
		// location: # to be announced, which is one.
		if null := m.values[key]; null != nil && commented(null, m.keys[key]) && !strings.HasPrefix(comment(null, m.keys[key]), "# ") {
			m.empty(key)
		}
	}
	return s
}

// comment returns the comment after an empty value.
func comment(v, k *yaml.Node) string {
	if v.LineComment != "" {
		return v.LineComment
	}
	return k.LineComment
}

// commented reports whether a comment follows a value left empty: a
// text that began with "#", which YAML read as a comment.
func commented(v, k *yaml.Node) bool {
	return v.Style == 0 && (v.LineComment != "" || k != nil && k.LineComment != "")
}

// textKeys are the keys whose values are text readers read, which a " #"
// would cut short.
var textKeys = map[string]bool{"title": true, "body": true, "text": true, "reference": true, "intro": true, "location": true, "description": true, "name": true}

// Bounds on single values. Markdown renderers take more than linear time
// on some hostile texts, so a text must stay far below the file's bound.
const (
	maxLine     = 1000    // characters in a one-line value
	maxMarkdown = 8 << 10 // bytes in a text
)

// line returns key's value as text that must fit on one line.
func (m *mapping) line(key string, required bool) string {
	s := m.str(key, required)
	switch {
	case strings.ContainsAny(s, "\n"):
		m.d.errorf(m.values[key], "%s must fit on one line", key)
		return strings.Join(strings.Fields(s), " ")
	case utf8.RuneCountInString(s) > maxLine:
		m.d.errorf(m.values[key], "%s is longer than %d characters; shorten it", key, maxLine)
		return ""
	}
	return s
}

// markdown returns key's value as a text of one or more paragraphs.
func (m *mapping) markdown(key string, required bool) string {
	s := m.str(key, required)
	if len(s) > maxMarkdown {
		m.d.errorf(m.values[key], "%s is %d KiB long; the most is %d KiB, so split it", key, (len(s)+1023)>>10, maxMarkdown>>10)
		return ""
	}
	return s
}

// boolean returns key's value as true or false.
func (m *mapping) boolean(key string) bool {
	v := m.node(key)
	if v == nil {
		return false
	}
	if v.Kind != yaml.ScalarNode || v.ShortTag() != "!!bool" {
		m.d.errorf(v, "%s must be true or false, not %s", key, describe(v))
		return false
	}
	return v.Value == "true"
}

// integer returns key's value as a whole number, or def when absent.
func (m *mapping) integer(key string, def int64) int64 {
	v := m.node(key)
	if v == nil {
		return def
	}
	n, err := strconv.ParseInt(v.Value, 10, 64)
	if errors.Is(err, strconv.ErrRange) && v.Kind == yaml.ScalarNode {
		m.d.errorf(v, "%s %s is far too large a number", key, short(v.Value))
		return def
	}
	if v.Kind != yaml.ScalarNode || err != nil {
		m.d.errorf(v, "%s must be a whole number, not %s", key, describe(v))
		return def
	}
	return n
}

// list returns the items of key's list value.
func (m *mapping) list(key string, required bool) []*yaml.Node {
	if required && !m.require(key) {
		return nil
	}
	v := m.node(key)
	if v == nil {
		return nil
	}
	if v.Kind == yaml.MappingNode && len(v.Content) > 0 {
		// key:\n  a: 1 where key:\n  - a: 1 was meant.
		m.d.errorf(v, "%s must be a list, each of its items beginning with \"- \": write \"- %s:\" on this line", key, v.Content[0].Value)
		return nil
	}
	if v.Kind != yaml.SequenceNode {
		m.d.errorf(v, "%s must be a list, not %s", key, describe(v))
		return nil
	}
	return v.Content
}

// checkText reports a value holding characters no output may carry
// (bulletin.Refused). The file's bytes were checked as it was read
// (checkBytes): only a double-quoted value, whose escapes such as "\x01"
// make characters the file does not hold, is checked again.
func (d *decoder) checkText(n *yaml.Node, key, s string) bool {
	if n.Style&yaml.DoubleQuotedStyle != 0 {
		if !utf8.ValidString(s) {
			d.errorf(n, "%s is not valid UTF-8 text", key)
			return false
		}
		if i := bulletin.IndexRefused(s); i >= 0 {
			r, _ := utf8.DecodeRuneInString(s[i:])
			d.errorf(n, "%s contains the control character %U; remove it", key, r)
			return false
		}
	}
	if r := bulletin.UnclosedBidi(s); r != 0 {
		d.errorf(n, "%s holds an invisible %s (%U) that is never closed: it would turn the text after it backwards, such as the date after a title; remove it (it often comes with text pasted from elsewhere)",
			key, bidiNames[r], r)
		return false
	}
	return true
}

// bidiNames name the characters bulletin.UnclosedBidi finds.
var bidiNames = map[rune]string{
	'\u202a': "left-to-right embedding", '\u202b': "right-to-left embedding",
	'\u202d': "left-to-right override", '\u202e': "right-to-left override",
	'\u2066': "left-to-right isolate", '\u2067': "right-to-left isolate", '\u2068': "first-strong isolate",
}

// noAnchors reports every anchor under n and the first use of each alias.
// Walking a node tree expands no alias, but an alias still lets a small
// file stand for a huge one in every later step, so prayerfeed refuses
// them.
func (d *decoder) noAnchors(n *yaml.Node, seen map[string]bool) {
	if n.Anchor != "" {
		d.errorf(n, "anchors (&%s) are not allowed; write the value out in full", n.Anchor)
	}
	if n.Kind == yaml.AliasNode {
		if !seen[n.Value] {
			seen[n.Value] = true
			d.errorf(n, "aliases (*%s) are not allowed; write the value out in full", n.Value)
		}
		return
	}
	for _, c := range n.Content {
		d.noAnchors(c, seen)
	}
}
