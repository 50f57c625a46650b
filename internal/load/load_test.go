package load_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	// Registers -update, so that "go test ./... -update" runs here too.
	_ "github.com/prayerfeed/prayerfeed/internal/golden"
	"github.com/prayerfeed/prayerfeed/internal/load"
)

// siteYAML is a good site.yaml; siteWithoutIDDomain is it without its
// id_domain, which the podcast's tests add where they need it.
const siteYAML = siteWithoutIDDomain + "id_domain: prayer.example.org\n"

const siteWithoutIDDomain = `title: Test Prayer
description: Test bulletins
base_url: https://prayer.example.org/
timezone: America/New_York
organization:
  name: Test Org
  email: prayer@example.org
regions:
  - id: africa
    name: Africa
  - id: south-asia
    name: South Asia
`

const goodBulletin = `date: 2026-11-20
title: Test bulletin
scripture:
  text: Sing to the Lord!
  reference: Jeremiah 20:13
items:
  - region: africa
    kind: praise
    title: A point
    body: Praise God.
`

var now = time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)

// check loads and validates files (site.yaml added unless given) and
// returns every problem and warning as text lines.
func check(t *testing.T, files map[string]string) (errs, warns []string) {
	t.Helper()
	fsys := fstest.MapFS{"site.yaml": {Data: []byte(siteYAML)}}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	site, bs, lerrs := load.Dir(fsys, "bulletins")
	verrs, vwarns := bulletin.ValidateAll(site, bs, now)
	lerrs.Append(verrs)
	lerrs.Sort()
	for _, e := range lerrs {
		errs = append(errs, e.Error())
	}
	for _, w := range vwarns {
		warns = append(warns, w.Error())
	}
	return errs, warns
}

func TestSampleLoads(t *testing.T) {
	root, err := os.OpenRoot(filepath.Join("..", "..", "bulletins"))
	if err != nil {
		t.Fatal(err)
	}
	site, bs, errs := load.Dir(root.FS(), "bulletins")
	verrs, warns := bulletin.ValidateAll(site, bs, now)
	errs.Append(verrs)
	for _, e := range errs {
		t.Errorf("%v", e)
	}
	for _, w := range warns {
		t.Errorf("warning: %v", w)
	}
	if len(bs) < 2 {
		t.Errorf("got %d bulletins, want at least 2", len(bs))
	}
}

func TestGood(t *testing.T) {
	errs, warns := check(t, map[string]string{"2026/2026-11-20.yaml": goodBulletin})
	if len(errs)+len(warns) > 0 {
		t.Fatalf("got problems %q, warnings %q; want none", errs, warns)
	}
}

// edit returns goodBulletin with old replaced by new, failing if old is
// not there, so that a case cannot silently test the good bulletin.
func edit(t *testing.T, old, new string) string {
	t.Helper()
	if !strings.Contains(goodBulletin, old) {
		t.Fatalf("goodBulletin has no %q", old)
	}
	return strings.Replace(goodBulletin, old, new, 1)
}

const event = `
    events:
      - id: hearing-1
        kind: hearing
        title: A hearing
`

func TestRules(t *testing.T) {
	const f = "b.yaml"
	const p = "bulletins/b.yaml:"
	tests := []struct {
		name  string
		files func(t *testing.T) map[string]string
		want  []string
	}{
		{"syntax error", one(f, "date: 2026-11-20\ntitle: [unclosed\n"),
			[]string{p + "2:1: invalid YAML: did not find expected ',' or ']'"}},
		{"tab indentation", one(f, "date: 2026-11-20\nscripture:\n\ttext: x\n"),
			[]string{p + "3:1: a tab is used for indentation; indent with spaces"}},
		{"two documents", one(f, goodBulletin+"---\ndate: 2026-11-21\n"),
			[]string{p + "11:1: the file holds more than one YAML document; remove the \"---\" line and everything after it, or move it to a file of its own"}},
		{"empty file", one(f, ""), []string{p + "1:1: the file is empty"}},
		{"not a mapping", one(f, "- a\n- b\n"),
			[]string{p + "1:1: a bulletin must be a mapping of keys and values, not a list"}},
		{"unknown key", func(t *testing.T) map[string]string {
			return map[string]string{f: edit(t, "title: A point", "tilte: A point")}
		}, []string{p + "9:5: unknown key \"tilte\" in item (did you mean \"title\"?)"}},
		{"duplicate key", func(t *testing.T) map[string]string {
			return map[string]string{f: edit(t, "title: Test bulletin", "title: Test bulletin\ntitle: Again")}
		}, []string{p + "3:1: key \"title\" appears twice in bulletin; the first is at bulletins/b.yaml:2:1"}},
		{"wrong type", func(t *testing.T) map[string]string {
			return map[string]string{f: edit(t, "title: Test bulletin", "title: [a, b]")}
		}, []string{p + "2:8: title must be a single value, not a list"}},
		{"missing required key", func(t *testing.T) map[string]string {
			return map[string]string{f: edit(t, "    body: Praise God.\n", "")}
		}, []string{p + "7:5: item is missing required key \"body\""}},
		{"no items", func(t *testing.T) map[string]string {
			return map[string]string{f: goodBulletin[:strings.Index(goodBulletin, "items:")] + "items: []\n"}
		}, []string{p + "6:8: the bulletin has no items; add at least one praise or prayer point"}},
		{"unknown region", func(t *testing.T) map[string]string {
			return map[string]string{f: edit(t, "region: africa", "region: afrika")}
		}, []string{p + "7:13: unknown region \"afrika\" (did you mean \"africa\"?); site.yaml lists \"africa\", \"south-asia\""}},
		{"unknown kind", func(t *testing.T) map[string]string {
			return map[string]string{f: edit(t, "kind: praise", "kind: prayr")}
		}, []string{p + "8:11: unknown kind \"prayr\" (did you mean \"prayer\"?); use \"praise\" or \"prayer\""}},
		{"unknown status", func(t *testing.T) map[string]string {
			return map[string]string{f: goodBulletin + event + "        start: \"2026-11-30 09:00\"\n        status: canceled\n"}
		}, []string{p + "17:17: unknown status \"canceled\" (did you mean \"cancelled\"?); use \"confirmed\", \"tentative\", \"postponed\" or \"cancelled\""}},
		{"impossible date", func(t *testing.T) map[string]string {
			return map[string]string{f: edit(t, "date: 2026-11-20", "date: 2026-02-30")}
		}, []string{p + "1:7: date \"2026-02-30\" is not a real date: February 2026 has 28 days"}},
		{"malformed date", func(t *testing.T) map[string]string {
			return map[string]string{f: edit(t, "date: 2026-11-20", "date: 20 November 2026")}
		}, []string{p + "1:7: date \"20 November 2026\" is not a date like 2026-11-20 or a date and time like \"2026-11-20 09:00\""}},
		{"end before start", func(t *testing.T) map[string]string {
			return map[string]string{f: goodBulletin + event + "        start: \"2026-11-30 10:00\"\n        end: \"09:00\"\n"}
		}, []string{p + "17:14: end \"2026-11-30 09:00\" is not after start \"2026-11-30 10:00\"; for an event that ends after midnight, give end as a date and time"}},
		{"until before date", func(t *testing.T) map[string]string {
			return map[string]string{f: goodBulletin + event + "        date: 2026-11-30\n        until: 2026-11-29\n"}
		}, []string{p + "17:16: until \"2026-11-29\" is before date \"2026-11-30\""}},
		{"unknown time zone", func(t *testing.T) map[string]string {
			return map[string]string{f: goodBulletin + event + "        start: \"2026-11-30 10:00\"\n        timezone: America/Santo Domingo\n"}
		}, []string{p + "17:19: timezone: unknown time zone \"America/Santo Domingo\"; write the name of a time zone (did you mean \"America/Santo_Domingo\"?)"}},
		{"time without zone", func(t *testing.T) map[string]string {
			return map[string]string{
				"site.yaml": strings.Replace(siteYAML, "timezone: America/New_York\n", "", 1),
				f:           goodBulletin + event + "        start: \"2026-11-30 10:00\"\n",
			}
		}, []string{p + "16:16: start \"2026-11-30 10:00\" has a time but no time zone: add timezone: to the event, naming the zone where it happens"}},
		{"time that does not exist", func(t *testing.T) map[string]string {
			return map[string]string{f: goodBulletin + event + "        start: \"2027-03-14 02:30\"\n"}
		}, []string{p + "16:16: start \"2027-03-14 02:30\": 2027-03-14 02:30 does not exist in America/New_York: the clocks go forward then"}},
		{"publish before date", func(t *testing.T) map[string]string {
			return map[string]string{f: edit(t, "title: Test bulletin", "title: Test bulletin\npublish: 2026-11-19")}
		}, []string{p + "3:10: publish \"2026-11-19\" is before date \"2026-11-20\""}},
		{"bad repeat rule", func(t *testing.T) map[string]string {
			return map[string]string{f: goodBulletin + event + "        start: \"2026-11-30 10:00\"\n        repeat:\n          rule: FREQ=SOMETIMES\n          until: 2027-01-31\n"}
		}, []string{p + "18:17: rule \"FREQ=SOMETIMES\" is not an RFC 5545 RRULE such as \"FREQ=MONTHLY;BYDAY=1SA\": undefined frequency: SOMETIMES"}},
		{"repeat never ends", func(t *testing.T) map[string]string {
			return map[string]string{f: goodBulletin + event + "        start: \"2026-11-30 10:00\"\n        repeat:\n          every: week\n"}
		}, []string{p + "18:11: repeat never ends; add until (the last day, such as 2027-06-30) or count"}},
		{"duplicate bulletin date", func(t *testing.T) map[string]string {
			return map[string]string{"a.yaml": goodBulletin, f: goodBulletin}
		}, []string{
			p + "1:7: another bulletin is dated 2026-11-20: bulletins/a.yaml:1:7",
			p + "1:7: bulletin id \"2026-11-20\" is also used by bulletins/a.yaml:1:7",
		}},
		{"duplicate item id", func(t *testing.T) map[string]string {
			return map[string]string{f: goodBulletin + "  - region: africa\n    id: africa-1\n    kind: prayer\n    title: Another\n    body: Pray.\n"}
		}, []string{p + "12:9: item id \"africa-1\" is also used at bulletins/b.yaml:7:13"}},
		{"event defined twice", func(t *testing.T) map[string]string {
			return map[string]string{f: goodBulletin + event + "        start: \"2026-11-30 10:00\"\n" +
				"      - id: hearing-1\n        kind: hearing\n        title: Again\n        start: \"2026-12-01 10:00\"\n"}
		}, []string{p + "17:13: event \"hearing-1\" is defined twice in this bulletin; the first is at bulletins/b.yaml:13:13"}},
		{"event kind differs between bulletins", func(t *testing.T) map[string]string {
			later := strings.Replace(goodBulletin, "2026-11-20", "2026-11-27", 1)
			return map[string]string{
				"a.yaml": goodBulletin + event + "        start: \"2026-11-30 10:00\"\n",
				f:        later + strings.Replace(event, "kind: hearing", "kind: gathering", 1) + "        start: \"2026-11-30 10:00\"\n",
			}
		}, []string{p + "14:15: event \"hearing-1\" is a gathering here but a hearing at bulletins/a.yaml:14:15"}},
		{"id not a slug", func(t *testing.T) map[string]string {
			return map[string]string{f: edit(t, "title: A point", "id: South Asia!\n    title: A point")}
		}, []string{p + "9:9: item id \"South Asia!\" must be lower-case letters, digits and single hyphens, such as \"south-asia\""}},
		{"reserved region id", func(t *testing.T) map[string]string {
			return map[string]string{"site.yaml": strings.Replace(siteYAML, "id: south-asia", "id: all", 1)}
		}, []string{"bulletins/site.yaml:11:9: region id \"all\" is reserved; choose another"}},
		{"base URL not https", func(t *testing.T) map[string]string {
			return map[string]string{"site.yaml": strings.Replace(siteYAML, "https://prayer", "http://prayer", 1)}
		}, []string{"bulletins/site.yaml:3:11: base_url \"http://prayer.example.org/\" must be an absolute https URL such as \"https://example.org/prayer/\""}},
		{"invalid UTF-8", one(f, "date: 2026-11-20\ntitle: caf\xe9\n"),
			[]string{p + "2:11: the file is not valid UTF-8 text (byte 0xe9); save it as UTF-8"}},
		{"control character", one(f, "date: 2026-11-20\ntitle: a\x07b\n"),
			[]string{p + "2:9: control character U+0007 is not allowed; remove it"}},
		{"escaped control character", func(t *testing.T) map[string]string {
			return map[string]string{f: edit(t, "title: Test bulletin", `title: "a\x1bb"`)}
		}, []string{p + "2:8: title contains the control character U+001B; remove it"}},
		{"file too large", one(f, "# "+strings.Repeat("x", load.MaxFileSize)+"\n"),
			[]string{p + "1:1: the file is larger than 1024 KiB; split it or shorten it"}},
		{"anchor and alias", func(t *testing.T) map[string]string {
			return map[string]string{f: edit(t, "title: Test bulletin", "title: &t Test bulletin\nintro: *t")}
		}, []string{
			p + "2:8: anchors (&t) are not allowed; write the value out in full",
			p + "3:8: aliases (*t) are not allowed; write the value out in full",
		}},
		{"misindented list item", func(t *testing.T) map[string]string {
			return map[string]string{f: edit(t, "    title: A point", "    title: A point\n   - x")}
		}, []string{p + "10:4: invalid YAML: did not find expected '-' indicator (check the indentation of this line)"}},
		{"colon in a value", func(t *testing.T) map[string]string {
			return map[string]string{f: edit(t, "title: A point", "title: Kenya: a dialogue")}
		}, []string{p + "9:5: invalid YAML: mapping values are not allowed in this context (a colon followed by a space inside a value starts a new key; put the value in quotes)"}},
		{"hash in a value", func(t *testing.T) map[string]string {
			return map[string]string{f: edit(t, "title: Test bulletin", "title: #1 bulletin")}
		}, []string{p + "2:7: title is empty: the text after # is a comment; put the value in quotes"}},
		{"items not a list", func(t *testing.T) map[string]string {
			return map[string]string{f: goodBulletin[:strings.Index(goodBulletin, "items:")] + "items: {}\n"}
		}, []string{p + "6:8: items must be a list, not a mapping of keys"}},
		{"id_domain not a domain", func(t *testing.T) map[string]string {
			return map[string]string{"site.yaml": strings.Replace(siteYAML, "id_domain: prayer.example.org", "id_domain: a b,c:d", 1)}
		}, []string{"bulletins/site.yaml:13:12: id_domain \"a b,c:d\" must be a domain name such as \"prayer.example.org\""}},
		{"reserved item id", func(t *testing.T) map[string]string {
			return map[string]string{f: edit(t, "title: A point", "id: all\n    title: A point")}
		}, []string{p + "9:9: item id \"all\" is reserved; choose another"}},
		{"legacy time zone", func(t *testing.T) map[string]string {
			return map[string]string{f: goodBulletin + event + "        start: \"2026-11-30 10:00\"\n        timezone: Etc/GMT+5\n"}
		}, []string{p + "17:19: timezone: unknown time zone \"Etc/GMT+5\"; write the name of a time zone such as \"America/New_York\" or \"Asia/Kolkata\" (every one is in the list of tz database time zones)"}},
		{"unknown region gets no default id", func(t *testing.T) map[string]string {
			return map[string]string{f: edit(t, "region: africa", "region: South Asia")}
		}, []string{p + "7:13: unknown region \"South Asia\" (did you mean \"south-asia\"?); site.yaml lists \"africa\", \"south-asia\""}},
		{"time with bad seconds", func(t *testing.T) map[string]string {
			return map[string]string{f: goodBulletin + event + "        start: \"2026-11-30 09:00:61\"\n"}
		}, []string{p + "16:16: start \"2026-11-30 09:00:61\": 09:00:61 is not a time of day from 00:00 to 23:59"}},
		{"repeat interval out of bounds", func(t *testing.T) map[string]string {
			return map[string]string{f: goodBulletin + event + "        start: \"2026-11-30 10:00\"\n        repeat:\n          rule: FREQ=WEEKLY;INTERVAL=0;COUNT=3\n"}
		}, []string{p + "18:17: rule INTERVAL must be from 1 to 1000, not 0"}},
		{"repeat count out of bounds in a rule", func(t *testing.T) map[string]string {
			return map[string]string{f: goodBulletin + event + "        start: \"2026-11-30 10:00\"\n        repeat:\n          rule: FREQ=DAILY;COUNT=99999999\n"}
		}, []string{p + "18:17: rule COUNT must be from 1 to 1000, not 99999999"}},
		{"repeat count zero", func(t *testing.T) map[string]string {
			return map[string]string{f: goodBulletin + event + "        start: \"2026-11-30 10:00\"\n        repeat:\n          every: week\n          count: 0\n"}
		}, []string{p + "19:18: count must be from 1 to 1000, not 0"}},
		{"publish as an RFC 3339 instant", func(t *testing.T) map[string]string {
			return map[string]string{f: edit(t, "title: Test bulletin", "title: Test bulletin\npublish: 2026-11-20T14:00:00Z")}
		}, []string{}},
		{"publish as an RFC 3339 instant out of range", func(t *testing.T) map[string]string {
			return map[string]string{f: edit(t, "title: Test bulletin", "title: Test bulletin\npublish: 0001-01-01T00:00:00Z")}
		}, []string{p + "3:10: publish \"0001-01-01\" is out of range: the year must be between 1900 and 2200"}},
		{"apostrophe in single quotes after accented letters", func(t *testing.T) map[string]string {
			return map[string]string{f: edit(t, "title: A point", "title: 'Café of St Mary's'")}
		}, []string{p + "9:28: the apostrophe after \"Café of St Mary\" ends the quoted text that begins with ' at column 12: quote the title with double quotes instead (\"Café of St Mary's\"), or write the apostrophe twice ('')"}},
		{"a key without its colon", func(t *testing.T) map[string]string {
			return map[string]string{f: edit(t, "title: Test bulletin", "title: Test bulletin\npublish 2026-11-20 06:00")}
		}, []string{p + "3:8: a colon is missing after publish: write \"publish: 2026-11-20 06:00\""}},
		{"a quoted text of two lines, and a mistake below it", func(t *testing.T) map[string]string {
			return map[string]string{f: edit(t, "    body: Praise God.\n", "    body: \"Pray for them\n      and for us.\"\n   - region: africa\n")}
		}, []string{p + "12:4: invalid YAML: did not find expected '-' indicator (check the indentation of this line)"}},
		{"an unclosed title above a paragraph indented with an ideographic space", func(t *testing.T) map[string]string {
			return map[string]string{f: edit(t, "title: A point\n    body: Praise God.\n", "title: \"A point\n    body: |\n      \u3000日本語の段落。\n")}
		}, []string{p + "9:12: the quotation mark that begins the title is not closed on its line, so YAML reads on into the lines below: end the title with \" (a text of many lines goes in a block: the key, then \"|\", then its lines indented below it)"}},
		{"a bulletin dated on a day whose midnight the clocks skip", func(t *testing.T) map[string]string {
			return map[string]string{f: edit(t, "date: 2026-11-20", "date: 2026-09-06\ntimezone: America/Santiago")}
		}, []string{}},
		{"times on the 12-hour clock, written with a dot", func(t *testing.T) map[string]string {
			return map[string]string{f: goodBulletin + event + "        start: \"2026-11-30 8.30pm\"\n"}
		}, []string{p + "16:16: start \"2026-11-30 8.30pm\" is not a date like 2026-11-20 or a date and time like \"2026-11-20 09:00\": write the time on the 24-hour clock, 20:30"}},
		{"until in curly single quotes", func(t *testing.T) map[string]string {
			return map[string]string{f: goodBulletin + event + "        start: \"2026-11-30 10:00\"\n        repeat:\n          every: week\n          until: ‘2027-02-23’\n"}
		}, []string{p + "19:18: until \"‘2027-02-23’\" is not a date like 2026-11-20: it is in curly quotes (“ ” or ‘ ’), which a word processor makes of straight ones; use straight quotes (\") or none"}},
		{"start with a UTC offset", func(t *testing.T) map[string]string {
			return map[string]string{f: goodBulletin + event + "        start: 2026-11-30T09:00:00-04:00\n"}
		}, []string{p + "16:16: start \"2026-11-30T09:00:00-04:00\" gives a UTC offset; give the time where the event happens, such as \"2026-11-30 09:00\", and its zone with timezone:"}},
		{"too many days off", func(t *testing.T) map[string]string {
			var days []string
			for d := time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC); len(days) < 1001; d = d.AddDate(0, 0, 1) {
				days = append(days, d.Format(time.DateOnly))
			}
			return map[string]string{f: goodBulletin + event + "        start: \"2026-11-30 10:00\"\n        repeat:\n          every: day\n          count: 5\n          except: [" + strings.Join(days, ", ") + "]\n"}
		}, []string{p + "20:19: except lists 1001 days; at most 1000 may be left out"}},
		{"repeat not a mapping", func(t *testing.T) map[string]string {
			return map[string]string{f: goodBulletin + event + "        start: \"2026-11-30 10:00\"\n        repeat: weekly\n"}
		}, []string{p + "17:17: repeat must be a mapping of keys and values, not \"weekly\""}},
		{"rule with a bad UNTIL", func(t *testing.T) map[string]string {
			return map[string]string{f: goodBulletin + event + "        start: \"2026-11-30 10:00\"\n        repeat:\n          rule: FREQ=WEEKLY;UNTIL=2027\n"}
		}, []string{p + "18:17: rule \"FREQ=WEEKLY;UNTIL=2027\" is not an RFC 5545 RRULE such as \"FREQ=MONTHLY;BYDAY=1SA\": UNTIL must be a date such as 20270630"}},
		{"text too long", func(t *testing.T) map[string]string {
			return map[string]string{f: edit(t, "body: Praise God.", "body: \""+strings.Repeat("[a](", 10000)+"\"")}
		}, []string{p + "10:11: body is 40 KiB long; the most is 8 KiB, so split it"}},
		{"line too long", func(t *testing.T) map[string]string {
			return map[string]string{f: edit(t, "title: A point", "title: "+strings.Repeat("a", 1001))}
		}, []string{p + "9:12: title is longer than 1000 characters; shorten it"}},
		{"start off its rule", func(t *testing.T) map[string]string {
			return map[string]string{f: goodBulletin + event + "        start: \"2026-12-01 10:00\"\n        repeat:\n          rule: FREQ=MONTHLY;BYDAY=1SA\n          count: 3\n"}
		}, []string{p + "18:11: the event starts on Tuesday 2026-12-01, which is not a day its repeat falls on (the first is Saturday 2026-12-05); start it on that day"}},
		{"too many problems", func(t *testing.T) map[string]string {
			return map[string]string{f: strings.Repeat("x", 0) + goodBulletin + strings.Repeat("bad: 1\n", 60)}
		}, nil},
		{"placeholder left in a published bulletin", func(t *testing.T) map[string]string {
			return map[string]string{f: edit(t, "Praise God.", `"TODO: the point"`)}
		}, []string{p + "10:11: body still holds the placeholder \"TODO\"; write the text, or keep draft: true"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			errs, _ := check(t, tt.files(t))
			if tt.want == nil { // too many problems
				if len(errs) != 51 || !strings.HasSuffix(errs[50], "too many problems in this file; the rest are not shown") {
					t.Errorf("got %d problems, last %q; want 50 and a note", len(errs), errs[len(errs)-1])
				}
				return
			}
			if strings.Join(errs, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n\t%s\nwant\n\t%s", strings.Join(errs, "\n\t"), strings.Join(tt.want, "\n\t"))
			}
		})
	}
}

func one(name, data string) func(*testing.T) map[string]string {
	return func(*testing.T) map[string]string { return map[string]string{name: data} }
}

func TestWarnings(t *testing.T) {
	tests := []struct {
		name string
		data string
		want []string
	}{
		{"no title", strings.Replace(goodBulletin, "    title: A point\n", "", 1),
			[]string{"bulletins/b.yaml:7:5: the point has no title; using \"Praise God\""}},
		{"event past at publication", goodBulletin + event + "        start: \"2026-11-01 10:00\"\n",
			[]string{"bulletins/b.yaml:13:9: event \"hearing-1\" is over (2026-11-01) before the bulletin is published"}},
		{"still postponed with a new time", "", nil},
		// Held back until its date, as bulletin.Held says: no mistake.
		{"future without publish", strings.Replace(goodBulletin, "2026-11-20", "2026-12-04", 1), nil},
	}
	later := strings.Replace(goodBulletin, "2026-11-20", "2026-11-27", 1)
	postponed := event + "        start: \"2026-11-30 10:00\"\n        status: postponed\n"
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{"b.yaml": tt.data}
			if tt.data == "" {
				files = map[string]string{"a.yaml": goodBulletin + postponed, "b.yaml": later + strings.Replace(postponed, "2026-11-30", "2026-12-07", 1)}
				tt.want = []string{"bulletins/b.yaml:17:17: event \"hearing-1\" has a new time but is still marked postponed; set status: confirmed or tentative"}
			}
			errs, warns := check(t, files)
			if len(errs) > 0 {
				t.Fatalf("got problems %q", errs)
			}
			if strings.Join(warns, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n\t%s\nwant\n\t%s", strings.Join(warns, "\n\t"), strings.Join(tt.want, "\n\t"))
			}
		})
	}
}

var errorShape = regexp.MustCompile(`^[^:]+:\d+:\d+: \S`)

func TestSymlinks(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "bulletins")
	outside := filepath.Join(dir, "outside.yaml")
	os.MkdirAll(filepath.Join(src, "2026"), 0o755)
	os.WriteFile(filepath.Join(src, "site.yaml"), []byte(siteYAML), 0o644)
	os.WriteFile(outside, []byte(goodBulletin), 0o644)
	if err := os.Symlink(outside, filepath.Join(src, "2026", "2026-11-20.yaml")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	os.Symlink(dir, filepath.Join(src, "2025"))
	root, err := os.OpenRoot(src)
	if err != nil {
		t.Fatal(err)
	}
	_, bs, errs := load.Dir(root.FS(), "bulletins")
	want := "bulletins/2025:1:1: symbolic links are not allowed; copy the file in instead\n" +
		"bulletins/2026/2026-11-20.yaml:1:1: symbolic links are not allowed; copy the file in instead"
	if errs.Error() != want {
		t.Errorf("got\n%v\nwant\n%s", errs, want)
	}
	if len(bs) != 0 {
		t.Errorf("loaded %d bulletins through symbolic links", len(bs))
	}
}

func TestTooManyFiles(t *testing.T) {
	defer func(n int) { load.MaxFiles = n }(load.MaxFiles)
	load.MaxFiles = 2
	files := map[string]string{}
	for _, d := range []string{"2026-11-06", "2026-11-13", "2026-11-20"} {
		files["2026/"+d+".yaml"] = strings.Replace(goodBulletin, "2026-11-20", d, 1)
	}
	errs, _ := check(t, files)
	want := "bulletins:1:1: more than 2 bulletin files; split the site"
	if strings.Join(errs, "\n") != want {
		t.Errorf("got %q, want %q", errs, want)
	}
}

// TestSiteCommentWarns checks that a " #" cutting short a text of
// site.yaml is warned of, as one in a bulletin is.
func TestSiteCommentWarns(t *testing.T) {
	site, errs := load.Site(fstest.MapFS{"site.yaml": {Data: []byte(strings.Replace(siteYAML, "description: Test bulletins", "description: Weekly prayer #1 in the region", 1))}}, "bulletins")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if w := site.Warn(); len(w) == 0 || !strings.Contains(w[0].Msg, `description stops before "#1 in the region"`) {
		t.Errorf("warnings: %v", w)
	}
}

// TestSkippedMidnight checks that a bulletin dated on a day whose
// midnight the clocks skip starts at that day's first instant.
func TestSkippedMidnight(t *testing.T) {
	files := map[string]string{"b.yaml": strings.Replace(goodBulletin, "date: 2026-11-20", "date: 2026-09-06\ntimezone: America/Santiago", 1)}
	fsys := fstest.MapFS{"site.yaml": {Data: []byte(siteYAML)}}
	for p, data := range files {
		fsys[p] = &fstest.MapFile{Data: []byte(data)}
	}
	_, bs, errs := load.Dir(fsys, "bulletins")
	if len(errs) > 0 || len(bs) != 1 {
		t.Fatal(errs)
	}
	if got := bs[0].Date.Format("2006-01-02 15:04 -0700"); got != "2026-09-06 01:00 -0300" {
		t.Errorf("the bulletin starts at %s, want 2026-09-06 01:00 -0300", got)
	}
}

// TestDateWarnings: a file named for another day than its date, and a
// date more than a year away, each warn at the date.
func TestDateWarnings(t *testing.T) {
	_, warns := check(t, map[string]string{
		"2026/2026-11-27.yaml": goodBulletin,
		"2062/2062-11-20.yaml": strings.Replace(goodBulletin, "date: 2026-11-20", "date: 2062-11-20", 1),
	})
	want := []string{
		"bulletins/2026/2026-11-27.yaml:1:7: the file is named for 2026-11-27 but the bulletin is dated 2026-11-20: rename it 2026-11-20.yaml, so that the file and its date agree",
		"bulletins/2062/2062-11-20.yaml:1:7: the bulletin is dated 2062-11-20, more than a year from now: is the year right?",
	}
	if strings.Join(warns, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n\t%s\nwant\n\t%s", strings.Join(warns, "\n\t"), strings.Join(want, "\n\t"))
	}
}

// TestDiaryOff: diary: false in site.yaml turns the prayer diary off.
func TestDiaryOff(t *testing.T) {
	site, _, errs := load.Dir(fstest.MapFS{"site.yaml": {Data: []byte(siteYAML + "diary: false\n")}}, "bulletins")
	if len(errs) > 0 || !site.DiaryOff {
		t.Errorf("diary: false: off %v, %v", site.DiaryOff, errs)
	}
}
