// Package load reads a prayerfeed site from a folder of YAML files: the
// site's settings in site.yaml and one file per bulletin anywhere below
// it (for example 2026/2026-11-20.yaml). It owns YAML; it records where
// every value stands so that every problem names its file, line and
// column.
//
// This comment is the reference of the format. docs/format.md mirrors it.
//
// # Text and Markdown
//
// Every value is text in UTF-8. Control characters, anchors (&name) and
// aliases (*name) are refused, and so are files over 1 MiB, folders of
// more than 50,000 bulletins, texts over 8 KiB and one-line values over
// 1,000 characters. Values marked Markdown may hold links
// ([words](https://…)) and emphasis (*words*); raw HTML is not rendered.
// Files and folders whose names start with "." or "_" are skipped.
//
// # Dates and times
//
// A date is written 2026-11-20. A date and time is written
// "2026-11-20 09:00" (24-hour clock; seconds optional) and is read in a
// time zone named by its IANA name, such as America/Santo_Domingo: the
// event's timezone, else the bulletin's, else the site's. A time of day
// that does not exist in its zone (the clocks go forward over it) is an
// error.
//
// # site.yaml
//
//	title: IJM Prayer Bulletin              # required
//	description: Weekly praise and prayer   # required
//	base_url: https://prayer.example.org/   # required; absolute https
//	language: en                            # BCP 47; default en
//	languages: [en, es]                     # published in these, its own first (see Languages)
//	timezone: America/New_York              # IANA; default zone of bulletins and events
//	id_domain: prayer.example.org           # default: base_url's host
//	organization:                           # required
//	  name: International Justice Mission   # required
//	  email: prayer@example.org
//	  url: https://www.ijm.org/
//	about: |                                # Markdown closing every bulletin
//	  IJM headquarters is located in the United States.
//	icon: https://prayer.example.org/icon.png   # square image for feeds
//	logo: https://prayer.example.org/logo.png   # wide image for feeds, and the pages when on the site's host
//	accent: "#0b5394"                      # the pages' colour of links and buttons; dark enough to read on white
//	newsletter: https://example.org/signup  # a page to sign up for the emails, offered on the subscribe page
//	hub: https://hub.example.org/           # WebSub hub, if any
//	feed_limit: 50                          # entries in a subscription feed
//	calendar_past_days: 90                  # days of past events in calendars
//	cancelled_days: 30                      # days a cancelled event stays listed
//	refresh: 12h                            # how often calendar apps should refresh
//	event_duration: 1h                      # length of an event given without an end
//	retired:                                # published IDs withdrawn on purpose
//	  - tag:prayer.example.org,2026-11-20:2026-11-20/africa-1
//	diary:                                  # the prayer diary, a point a day; false turns it off
//	  regions: [africa, south-asia]         # the regions it draws on; default: all
//	podcast:                                # the podcast feed; see "Podcast" below
//	  title: IJM Prayer Bulletin            # default: the site's title
//	  author: International Justice Mission # default: the organization's name
//	  owner:                                # whom Apple writes to; default: the organization
//	    name: IJM Communications
//	    email: podcast@example.org
//	  image: https://prayer.example.org/podcast.jpg   # required with audio; https, JPEG or PNG
//	  category: Religion & Spirituality     # required with audio; one of Apple's categories
//	  subcategory: Christianity             # one of that category's subcategories
//	  explicit: false                       # default false
//	  guid: a332d38d-07a9-579e-9b70-0c643b7e5e67   # podcast:guid; default: made from the feed's URL
//	  locked: true                          # default true: no other platform may import the feed
//	regions:                                # required; in display order
//	  - id: latin-america                   # required; stable, used in URLs and IDs
//	    name: Latin America                 # required
//	    description: Bolivia, Dominican Republic, Guatemala
//	    aliases:                            # other names of its heading, for import
//	      - Latin America & Caribbean
//
// id_domain and every region id are part of the permanent IDs of feed
// entries and calendar events: never change them once published. A region
// id, like every other id, is lower-case letters, digits and single
// hyphens, and may not be one of all, archive, diary, events,
// gatherings, hearings, index, podcast or regions.
//
// # Podcast
//
// A bulletin with audio (see below) is an episode of the podcast feed,
// feeds/podcast.rss, which Apple Podcasts and Podcasting 2.0 apps read.
// Once any bulletin has audio, site.yaml needs podcast with image and
// category:
//
//   - image is the podcast's artwork, which Apple wants square, 1400 to
//     3000 pixels wide, JPEG or PNG, at an https URL;
//   - category is one of Apple's categories, and subcategory one of its
//     subcategories, as listed at
//     https://podcasters.apple.com/support/1691-apple-podcasts-categories
//     (for a prayer bulletin, Religion & Spirituality and Christianity);
//   - explicit says whether an episode may hold explicit content;
//   - locked (podcast:locked) asks other podcast platforms not to import
//     the feed, so that no one else can take the podcast over; set it to
//     false while moving the podcast to another platform;
//   - guid (podcast:guid) names the podcast for life, wherever its feed
//     moves. Left out, it is the one the Podcasting 2.0 namespace makes
//     from the feed's URL, taking id_domain for the host so that it stays
//     when the site moves to another host; before moving the site to
//     another path, copy the guid of feeds/podcast.rss into site.yaml.
//
// Episodes are numbered in the order of publication, the oldest 1. Give
// audio to new bulletins only: audio added to an older bulletin renumbers
// the episodes after it. Every published bulletin, with audio or not, has
// a script to read aloud at scripts/<id>.txt and scripts/<id>.md, which
// each episode names as its transcript.
//
// # A bulletin
//
//	date: 2026-11-20                # required; or "2026-11-20 09:00"
//	title: IJM Prayer Request       # required
//	id: 2026-11-20                  # default: the date; permanent once published
//	timezone: America/New_York      # default: the site's
//	draft: true                     # default false; a draft is never published
//	publish: "2026-11-20 06:00"     # embargo: not published before then (or 2026-11-20T11:00:00Z)
//	updated: "2026-11-21 10:00"     # set when correcting a published bulletin
//	scripture:                      # required
//	  text: Sing to the Lord!       # required
//	  reference: Jeremiah 20:13     # required
//	  version: NIV                  # the translation, for attribution
//	intro: Markdown before the points
//	audio:                          # a recording, for the podcast feed
//	  url: https://media.example.org/2026-11-20.mp3
//	  length: 12345678              # bytes
//	  type: audio/mpeg
//	  duration: "12:30"             # or "1:02:03" or 12m30s
//	items:                          # required; at least one, in reading order
//	  - region: latin-america       # required; a region id of site.yaml
//	    kind: prayer                # required: praise or prayer
//	    title: Hearings in the Dominican Republic   # default: the body's first sentence
//	    id: dr-hearings             # default: region and position, as latin-america-1
//	    private: true               # default false; a private point is never published
//	    body: |                     # required; Markdown
//	      Please pray for our legal team …
//	    events: []                  # the events the point announces
//	diary: [south-asia-1, africa-1]   # the prayer diary's order of the points; default: reading order
//	# diary: {2026-11-22: africa-1}   # … or the point of given days
//
// A bulletin is published when its date (or its publish time, when set)
// has come and it is not a draft. A point's id defaults to its region and
// its place among that region's points in the bulletin, so reordering
// points within a region changes their ids: give an id to a point that
// may move.
//
// # An event
//
// Events belong to the point that announces them:
//
//	events:
//	  - id: dr-hearing-santiago       # required; the same id in later bulletins is the same event
//	    kind: hearing                 # required: hearing or gathering
//	    title: Trafficking case hearing   # required
//	    start: "2026-11-30 09:00"     # a timed event: start and end …
//	    end: "12:00"                  # … a time that day, or a date and time; default: start + event_duration
//	    timezone: America/Santo_Domingo   # where it happens; default: the bulletin's
//	    date: 2026-12-01              # … or an all-day event: date and
//	    until: 2026-12-03             # … its last day, inclusive
//	    location: Palacio de Justicia, Santo Domingo
//	    url: https://example.org/more
//	    status: confirmed             # confirmed (default), tentative, postponed or cancelled
//	    private: true                 # default false; never published
//	    repeat:                       # a recurring gathering
//	      every: week                 # day, week, month, year, or "2 weeks" …
//	      rule: FREQ=MONTHLY;BYDAY=1SA    # … or an RFC 5545 RRULE instead of every
//	      until: 2027-06-30           # the last day it may fall on …
//	      count: 10                   # … or how many times
//	      except: [2026-12-24]        # days it does not happen
//
// A repeating event starts on its first occurrence: a start on a day the
// rule does not fall on (a Tuesday for "the first Saturday of every
// month") is an error, since calendar apps disagree on what it means.
//
// When a later bulletin mentions an event again (a hearing rescheduled,
// postponed or cancelled), it repeats the event with the same id and its
// new details: the latest published bulletin's version is the one in
// force. An event keeps its kind across bulletins.
//
// # Languages
//
// A site may publish in more than one language. site.yaml lists them, its
// own first:
//
//	languages: [en, es, fr]                 # the first is the site's own
//
// Each other language needs site.<lang>.yaml beside site.yaml, with
// site.yaml's texts in it, and any bulletin published in that language a
// translation beside it, named after it with the language before .yaml:
// 2026-11-27.es.yaml translates 2026-11-27.yaml. A translation holds texts
// only; dates, times, zones, regions, kinds, statuses and places stay the
// bulletin's, and setting one in a translation is an error. Points and
// events are named by their ids, and a translated point needs an id of its
// own in the bulletin (prayerfeed ids writes them).
//
//	# site.es.yaml
//	title: Boletín de oración de IJM        # required
//	description: Peticiones de oración …    # required
//	about: La sede de IJM está en …
//	regions:                                # by region id
//	  africa:
//	    name: África                        # required
//	    description: Kenia, Uganda …
//	podcast:
//	  title: Boletín de oración de IJM
//
//	# 2026-11-27.es.yaml
//	title: Petición de oración de IJM       # required
//	draft: true                             # keeps this language's version back
//	scripture:                              # required
//	  text: ¿Cuánto mayor castigo …         # required
//	  reference: Hebreos 10:29-31           # required
//	  version: NVI
//	intro: …
//	audio: {url: …, length: 1, type: audio/mpeg}   # a recording in the language
//	items:                                  # by point id
//	  africa-1:
//	    title: Diálogo comunitario en Nairobi   # default: the body's first sentence
//	    body: Alaben a Dios por …           # required
//	events:                                 # by event id
//	  dr-hearing-san-cristobal:
//	    title: Audiencia en San Cristóbal   # required
//
// A point or event a translation leaves out is left out of that language,
// and check says so; a bulletin without a translation is absent from that
// language. Each language is a whole site under /<lang>/, with feed entry
// IDs and calendar UIDs of its own.
package load
