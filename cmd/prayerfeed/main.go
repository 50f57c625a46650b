package main

import (
	"cmp"
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // zones on machines without a tz database

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	"github.com/prayerfeed/prayerfeed/internal/draft"
)

//go:embed doc.go
var doc string

// usage returns the manual: the package comment of doc.go.
func usage() string {
	s := doc[strings.Index(doc, "/*")+2 : strings.LastIndex(doc, "*/")]
	return strings.TrimLeft(s, "\n")
}

// errUsage marks bad usage, for exit status 2.
var errUsage = errors.New("usage")

// errReported marks a failure whose problems were already printed.
var errReported = errors.New("failed")

func main() {
	log.SetFlags(0)
	log.SetPrefix("prayerfeed: ")
	err := run(os.Args[1:], os.Stdout, os.Stderr, os.Getenv, time.Now)
	switch {
	case err == nil:
	case errors.Is(err, errUsage):
		os.Exit(2)
	case errors.Is(err, errReported):
		os.Exit(1)
	default:
		log.Print(err)
		os.Exit(1)
	}
}

// run runs prayerfeed with args, writing to stdout and stderr, reading the
// environment with getenv and the real time with clock.
func run(args []string, stdout, stderr io.Writer, getenv func(string) string, clock func() time.Time) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage())
		return errUsage
	}
	cmd, args := args[0], args[1:]
	switch cmd {
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage())
		return nil
	case "version", "-version", "--version":
		fmt.Fprintln(stdout, version())
		return nil
	}
	fset := flag.NewFlagSet("prayerfeed "+cmd, flag.ContinueOnError)
	fset.SetOutput(stderr)
	fset.Usage = func() {
		if cmd == "import" || cmd == "init" {
			fmt.Fprintf(stderr, "usage: prayerfeed %s [flags] %s\n", cmd, map[string]string{"import": "FILE", "init": "[DIR]"}[cmd])
		} else {
			fmt.Fprintf(stderr, "usage: prayerfeed %s [flags]\n", cmd)
		}
		fset.PrintDefaults()
		fmt.Fprintln(stderr, "Run \"prayerfeed -h\" for the manual.")
	}
	src := fset.String("src", "bulletins", "the folder of bulletins and site.yaml")
	nowFlag := new(string)
	if cmd != "ping" {
		fset.StringVar(nowFlag, "now", "", "fix the clock: a date or an RFC 3339 time")
	}
	var out, date, hub, state, addr, manifest, regions *string
	var settings draft.Settings
	var verbose, all, dryRun, strict *bool
	switch cmd {
	case "build":
		out = fset.String("out", "public", "the folder to write the site into")
		verbose = fset.Bool("v", false, "list the files written and removed")
		manifest = fset.String("manifest", "", "the manifest of the published site to compare IDs with: a file, or live for the one at base_url (default: the one in -out)")
		strict = fset.Bool("strict", false, "fail, writing nothing, when a published ID would vanish or change")
	case "check":
		out = fset.String("out", "", "also check the site built into this folder")
	case "new":
		date = fset.String("date", "", "the bulletin's date (default: the next Friday)")
	case "import":
		date = fset.String("date", "", "the bulletin's date (default: the text's, else the next Friday)")
	case "init":
		fset.StringVar(&settings.Org, "name", "", "the organisation's name")
		fset.StringVar(&settings.Title, "title", "", "the bulletin's title (default: the name and \"Prayer Bulletin\")")
		fset.StringVar(&settings.BaseURL, "url", "", "the address the site will have, such as https://prayer.example.org/")
		fset.StringVar(&settings.IDDomain, "domain", "", "the domain of every feed entry ID and calendar UID (default: the url's)")
		fset.StringVar(&settings.Timezone, "timezone", "", "the bulletins' time zone, such as America/Chicago (default: UTC)")
		regions = fset.String("regions", "", "the regions' names, in order, separated by commas")
		fset.StringVar(&settings.Email, "email", "", "the organisation's e-mail address for readers")
	case "ids":
		out = fset.String("out", "public", "the folder of the published site, whose manifest says which ids readers know")
		dryRun = fset.Bool("n", false, "list the ids; write nothing")
	case "serve":
		addr = fset.String("addr", "127.0.0.1:8080", "the address to listen on")
	case "ping":
		out = fset.String("out", "public", "the folder the site was built into")
		hub = fset.String("hub", "", "the hub's URL (default: site.yaml's hub)")
		state = fset.String("state", ".prayerfeed-ping.json", "the file that records what the hub was told")
		all = fset.Bool("all", false, "tell the hub of every feed, changed or not")
		dryRun = fset.Bool("n", false, "list the feeds that changed; tell the hub nothing")
	default:
		fmt.Fprintf(stderr, "prayerfeed: unknown command %q\nRun \"prayerfeed -h\" for the manual.\n", cmd)
		return errUsage
	}
	if err := fset.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return errUsage
	}
	var file string
	if cmd == "init" {
		if fset.NArg() > 1 {
			fmt.Fprintf(stderr, "prayerfeed init: unexpected argument %q\n", fset.Arg(1))
			return errUsage
		}
		file = cmp.Or(fset.Arg(0), "bulletins")
	} else if cmd == "import" {
		// Flags may follow the file too: import FILE -date 2026-12-04.
		var files []string
		// After "--", every argument is a file, even one that begins
		// with "-".
		var tail []string
		for args := fset.Args(); len(args) > 0; args = fset.Args() {
			files = append(files, args[0])
			rest := args[1:]
			if k := slices.Index(rest, "--"); k >= 0 && tail == nil {
				rest, tail = rest[:k], rest[k+1:]
			}
			if err := fset.Parse(rest); err != nil {
				if errors.Is(err, flag.ErrHelp) {
					return nil
				}
				return errUsage
			}
		}
		files = append(files, tail...)
		if len(files) != 1 {
			fmt.Fprintln(stderr, "prayerfeed import: name one file: the bulletin's text, an email (.eml), or - for text pasted in")
			fset.Usage()
			return errUsage
		}
		file = files[0]
	} else if fset.NArg() > 0 {
		fmt.Fprintf(stderr, "prayerfeed %s: unexpected argument %q\n", cmd, fset.Arg(0))
		fset.Usage()
		return errUsage
	}
	if cmd == "ping" {
		return runPing(*src, *out, *hub, *state, *all, *dryRun, stdout, stderr)
	}
	now, err := nowFrom(*nowFlag, getenv, clock)
	if err != nil {
		fmt.Fprintf(stderr, "prayerfeed: %v\n", err)
		return errUsage
	}
	if cmd == "serve" {
		// Each rebuild reads the clock anew, unless it is fixed.
		clockNow := func() moment {
			m, _ := nowFrom(*nowFlag, getenv, clock) // valid: checked above
			return m
		}
		return runServe(*src, *addr, clockNow, stderr)
	}
	switch cmd {
	case "build":
		return runBuild(*src, *out, *manifest, *strict, now, *verbose, stderr)
	case "check":
		return runCheck(*src, *out, now, stderr)
	case "ids":
		return runIDs(*src, *out, now, *dryRun, stdout, stderr)
	case "import":
		return runImport(*src, file, *date, now, stdout, stderr)
	case "init":
		return runInit(file, settings, *regions, now, os.Stdin, isTerminal(os.Stdin) && stdout == io.Writer(os.Stdout), stdout, stderr)
	default:
		return runNew(*src, *date, now, stdout, stderr)
	}
}

// A moment is the build's clock as given: an instant, or a day, which
// starts at midnight in the site's time zone.
type moment struct {
	t   time.Time
	day bool
}

// in returns the instant of m, reading a day in loc when loc is not nil.
func (m moment) in(loc *time.Location) time.Time {
	if !m.day || loc == nil {
		return m.t
	}
	y, mo, d := m.t.Date()
	return time.Date(y, mo, d, 0, 0, 0, 0, loc)
}

// nowFrom returns the build's clock: -now, else PRAYERFEED_NOW, else the
// real time.
func nowFrom(flagValue string, getenv func(string) string, clock func() time.Time) (moment, error) {
	if flagValue != "" {
		return parseNow("-now", flagValue)
	}
	if v := getenv("PRAYERFEED_NOW"); v != "" {
		return parseNow("PRAYERFEED_NOW", v)
	}
	return moment{t: clock().UTC()}, nil
}

func parseNow(name, v string) (moment, error) {
	if t, err := time.Parse("2006-01-02", v); err == nil {
		return moment{t: t, day: true}, nil
	}
	t, err := time.Parse(time.RFC3339, v)
	if err != nil {
		return moment{}, fmt.Errorf("%s %q is not a date (2026-11-27) or an RFC 3339 time (2026-11-27T09:00:00Z)", name, v)
	}
	return moment{t: t.UTC()}, nil
}

// report prints every problem, each with the line of src it points at
// (see printList), and returns the number of problems.
func report(stderr io.Writer, err error, src *source) int {
	var list bulletin.ErrorList
	if errors.As(err, &list) {
		printList(stderr, list, src.explain, "problem", "problems")
		return len(list)
	}
	if err != nil {
		fmt.Fprintf(stderr, "prayerfeed: %v\n", err)
		return 1
	}
	return 0
}

// maxPrinted is the most problems, or warnings, printed: a folder of
// thousands of bad files would otherwise bury the first under megabytes.
const maxPrinted = 200

// printList prints the first maxPrinted of list, each as line has it, and
// then how many more there are, in how many files.
func printList(w io.Writer, list bulletin.ErrorList, line func(*bulletin.Error) string, one, many string) {
	for _, e := range list[:min(len(list), maxPrinted)] {
		fmt.Fprintln(w, line(e))
	}
	if len(list) <= maxPrinted {
		return
	}
	more := many
	if len(list)-maxPrinted == 1 {
		more = one
	}
	fmt.Fprintf(w, "prayerfeed: %d more %s not shown, in %s; mend those above and run again\n",
		len(list)-maxPrinted, more, plural(list[maxPrinted:].Files(), "file", "files"))
}

// warningLine is a warning as prayerfeed prints it.
func warningLine(w *bulletin.Error) string {
	if w.Pos == (bulletin.Pos{}) {
		return "prayerfeed: warning: " + w.Msg // of the outputs, not of one place in the source
	}
	return fmt.Sprintf("%s: warning: %s", w.Pos, w.Msg)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// openSource opens the source folder as a root, so that no path or
// symbolic link in it can lead the loader outside.
func openSource(src string) (*os.Root, error) {
	root, err := os.OpenRoot(src)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("cannot open the source folder %s: %w", src, err)
	}
	return root, nil
}
