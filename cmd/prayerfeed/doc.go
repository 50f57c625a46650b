/*
Prayerfeed turns weekly prayer bulletins written as YAML into feeds,
calendars and pages for any static host.

Usage:

	prayerfeed init [-name org] [-url https://…/] [-timezone zone] [-regions "A, B"] [DIR]
	prayerfeed build [-src bulletins] [-out public] [-now time] [-manifest file|live] [-strict] [-v]
	prayerfeed check [-src bulletins] [-out public] [-now time]
	prayerfeed new [-src bulletins] [-date 2026-11-27] [-now time]
	prayerfeed import [-src bulletins] [-date 2026-11-27] [-now time] FILE
	prayerfeed ids [-src bulletins] [-out public] [-now time] [-n]
	prayerfeed serve [-src bulletins] [-addr 127.0.0.1:8080] [-now time]
	prayerfeed ping [-src bulletins] [-out public] [-hub url] [-state file] [-all] [-n]
	prayerfeed version

Init starts a new site in DIR (default bulletins): a site.yaml with the
organisation's name, the bulletin's title, base_url, id_domain (default:
base_url's host), the time zone and the regions, each asked for on a
terminal when its flag is not given (elsewhere it says which defaults
it took), and the draft of its first bulletin. It checks its answers as
build would, naming a wrong one by its flag and writing nothing, and
never writes over a file.

Build loads every bulletin under -src, validates it, renders every output
in memory and publishes them into -out all at once, rewriting only the
files whose bytes changed. It compares the entry IDs and event UIDs with
those of the previous build (the manifest in -out, or -manifest: a file,
or "live" for the one published at site.yaml's base_url, which a build
from a fresh checkout needs; a site not yet published has none) and
warns when a published one would vanish or stand for another request;
-strict makes that a failure. An event that leaves a calendar stays in it
as cancelled for cancelled_days, and build says so. When any problem is
found it prints them, as file:line:col: message followed by the line with
a caret under the column (the first 200, then how many more), writes
nothing and exits 1. It ends with one summary line; -v also lists the
files written and removed. On a terminal, a build (or check) that takes
more than two seconds shows the step it is at; a CI log gets none of it.

Every build renders the whole site and compares each file with the one
published in -out: only the files whose bytes changed are written, so a
build with nothing new writes nothing. It keeps no state between runs but
the manifest in -out. It keeps the bulletins' long texts in a temporary
file in $TMPDIR rather than in memory (the file has no name, so even a
killed build leaves none): some 45 MB of memory for 1,000 bulletins and
180 MB for 10,000. On a machine short of memory, the environment variable
GOMEMLIMIT (such as GOMEMLIMIT=150MiB) makes it collect more often.

Check validates without writing, printing every problem and warning; it
exits 1 if there is a problem, and otherwise ends with one line saying
what is published. With -out it also checks the site built
there: every feed and calendar parses, no feed or calendar holds an ID
twice, and every link from a feed or calendar into the site leads to a
file that is there, and to the anchor it names.

New writes the skeleton of a bulletin for the next Friday on or after
today (or for -date) at -src/YYYY/YYYY-MM-DD.yaml, with a point for every
region and comments that teach the format. The skeleton is a draft, so it
is never published as it is; its placeholders start with "TODO", and a
bulletin that still holds one cannot be published. Every point has an
id, and a site.yaml without id_domain gets it. New never overwrites a
file.

Import writes a draft bulletin made from the text of one written as an
email or a document, as the organisation already sends it: FILE is plain
text or Markdown, an email saved as .eml (its text, or its HTML when it
has none), or - for text pasted in. It takes the title from the first
line, the scripture from the first quotation and its reference after a
dash (and its version, when named), the region of each paragraph from
the heading above it (a region's name or one of its aliases in
site.yaml) or from "Africa:" or "Africa –" at its start, and a point's
kind from its opening words ("Praise God", "Rejoice" or "Pray", "Please
pray"); each item of a list is a point. The paragraph that repeats
site.yaml's about is left out. The date is -date, else the text's, else
the day an email was sent, else the next Friday without a bulletin.
Every guess is marked on its line with a comment saying "guessed", and
text that it cannot place is kept, marked NOT PLACED: a paragraph with
region: TODO, a line that reads as a heading of no region as a comment.
Points get titles to write (title: TODO …); events are not guessed from
the prose, and the draft shows how to add one. The same text always
makes the same draft; import refuses a text whose points a bulletin
already holds, and never writes over a bulletin.

Ids writes into the bulletins the ids their identity rests on and that
they do not yet say, so that it lives where their writers see it: an id
for every point without one, and in site.yaml id_domain and the
podcast's guid. A point without an id takes its region and its place
among the region's points, which changes when a point is inserted above
it; build warns, at the point, when that would give a published ID to
another request. Ids gives each point the ID readers know its request
by, as the manifest of the site published in -out records it, or else
the one it has now, or a new one. It touches only the lines it adds,
keeping comments and layout. -n lists the ids and writes nothing.

Serve serves the site at -addr as a static host would (the same paths,
media types and conditional requests), for previewing, and writes
nothing: it keeps the site's model in memory and renders each page when
it is asked for. It builds the model again as soon as a file under -src
changes, parsing only the files that did; while the last build has
problems, every page shows them instead of the site. Drafts and
bulletins held back until later show as if published, a draft's page
saying it is one; nothing else ever shows them. It listens on
loopback only, and answers only requests for loopback names, unless
-addr says otherwise.

Ping tells the WebSub hub named in site.yaml (or by -hub) which feeds in
-out changed since it last told it, so that readers subscribed through
the hub get new bulletins at once. Run it after the site is deployed. It
records what it told in -state (default .prayerfeed-ping.json); a missing
record, or -all, tells the hub of every feed. -n lists the changed feeds
and tells nothing.

The clock decides which bulletins are published (embargoes, bulletins
dated in the future). It is the real time unless -now, or else the
environment variable PRAYERFEED_NOW, fixes it; either takes a date,
"2026-11-27", which means the start of that day in the site's time zone,
or an RFC 3339 time, "2026-11-27T09:00:00-05:00". Output never carries the
clock's time: the same input and clock give the same bytes.

Exit status: 0 on success, 1 when the input has problems or a file cannot
be written, 2 for bad usage.
*/
package main
