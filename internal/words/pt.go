package words

import "time"

func init() {
	w := &Words{
		Tag:      "pt",
		weekdays: [7]string{"domingo", "segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "sábado"},
		months:   [12]string{"janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"},
		date:     "%[1]d de %[2]s de %[3]d", longDate: "%[4]s, %[1]d de %[2]s de %[3]d", dayMonth: "%[3]s, %[1]d de %[2]s",
		clock: clock24,
		text: map[string]string{
			// Parts of sentences: how an event repeats, "todo mês, na
			// segunda quinta-feira até sexta-feira, 18 de dezembro de
			// 2026". The ordinals agree with the weekdays ending in
			// "-feira", which are feminine; "sábado" and "domingo" are
			// masculine and would want "no primeiro domingo".
			" and ":                 " e ",
			" on %s":                ", %s",
			" until %s":             " até %s",
			", %d times":            ", %d vezes",
			", except %s":           ", exceto %s",
			"%d other days":         "outros %d dias",
			"%s time":               "horário de %s",
			"%s to %s":              "de %s a %s",
			"%s, all day":           "%s, o dia todo",
			"%s: %s":                "%s: %s",
			"every day":             "todos os dias",
			"every week":            "toda semana",
			"every month":           "todo mês",
			"every year":            "todo ano",
			"every %s days":         "a cada %s dias",
			"every %s weeks":        "a cada %s semanas",
			"every %s months":       "a cada %s meses",
			"every %s years":        "a cada %s anos",
			"the first %s":          "na primeira %s",
			"the second %s":         "na segunda %s",
			"the third %s":          "na terceira %s",
			"the fourth %s":         "na quarta %s",
			"the fifth %s":          "na quinta %s",
			"the last %s":           "na última %s",
			"the second to last %s": "na penúltima %s",

			// Labels. An event is an "audiência" or a "reunião": its
			// states agree with them.
			"Praise":                   "Louvor",
			"Prayer":                   "Oração",
			"Court hearing":            "Audiência judicial",
			"Court hearings":           "Audiências judiciais",
			"Prayer gathering":         "Reunião de oração",
			"Prayer gatherings":        "Reuniões de oração",
			"Postponed":                "Adiada",
			"Cancelled":                "Cancelada",
			"Tentative":                "A confirmar",
			"%s (cancelled)":           "%s (cancelada)",
			"Prayer diary (cancelled)": "Diário de oração (cancelado)",
			"corrected":                "corrigido em",

			// Navigation and headings.
			"Archive":                     "Arquivo",
			"Subscribe":                   "Assinar",
			"Hearings and gatherings":     "Audiências e reuniões",
			"Languages":                   "Idiomas",
			"Regions":                     "Regiões",
			"Site":                        "Site",
			"Skip to content":             "Pular para o conteúdo",
			"Page not found":              "Página não encontrada",
			"This page does not exist.":   "Esta página não existe.",
			"This week:":                  "Esta semana:",
			"Coming up":                   "Próximos eventos",
			"Recently":                    "Recentemente",
			"Earlier bulletins":           "Boletins anteriores",
			"All hearings and gatherings": "Todas as audiências e reuniões",
			"Add them to your calendar":   "Adicione-as à sua agenda",
			"Subscribe to the bulletins and the calendar": "Assinar os boletins e a agenda",
			"Latest praise and prayer":                    "Últimos motivos de louvor e oração",
			"Link to this point":                          "Link para este motivo",
			"Since updated:":                              "Atualizado desde então:",
			"More about it":                               "Saiba mais",
			"Why we pray: %s":                             "Por que oramos: %s",
			"Add to calendar:":                            "Adicionar à agenda:",
			"Apple and others (.ics)":                     "Apple e outros (.ics)",
			"Apple, Outlook and others (.ics)":            "Apple, Outlook e outros (.ics)",
			"The bulletin as a script to read aloud":      "O boletim como roteiro para ler em voz alta",
			"No bulletin has been published yet.":         "Nenhum boletim foi publicado ainda.",
			"Nothing announced yet.":                      "Nada anunciado ainda.",
			"This page does not exist, or no longer does. The <a href=\"%[1]s\">latest bulletin</a> and the <a href=\"%[1]sarchive/\">archive</a> are a good place to start.": "Esta página não existe, ou não existe mais. O <a href=\"%[1]s\">último boletim</a> e o <a href=\"%[1]sarchive/\">arquivo</a> são um bom ponto de partida.",
			"Times are given where each event happens. <a href=\"%s\">Subscribe to the calendar</a> to have them in yours, kept up to date.":                                  "Os horários são os do local de cada evento. <a href=\"%s\">Assine a agenda</a> para ter os eventos na sua, sempre atualizados.",

			// Descriptions of pages, feeds and calendars. A region's name
			// takes no article of its own: "a região %s".
			"Every bulletin of %s, by year.":                            "Todos os boletins de %s, por ano.",
			"Court hearings to pray for and prayer gatherings to join.": "Audiências judiciais pelas quais orar e reuniões de oração para participar.",
			"Follow %s in your calendar and your feed reader.":          "Acompanhe %s na sua agenda e no seu leitor de feeds.",
			"Praise and prayer for %s.":                                 "Louvor e oração pela região %s.",
			"Praise and prayer points for %s from %s.":                  "Motivos de louvor e oração da região %s, de %s.",
			"%s feeds":                    "Feeds de %s",
			"Prayer diary: a point a day": "Diário de oração: um motivo por dia",
			"One point a day from %s to pray through the week.":                                           "Um motivo por dia, de %s, para orar ao longo da semana.",
			"Court hearings and prayer gatherings from %s.":                                               "Audiências judiciais e reuniões de oração de %s.",
			"Court hearings to pray for, from %s.":                                                        "Audiências judiciais pelas quais orar, de %s.",
			"Prayer gatherings from %s.":                                                                  "Reuniões de oração de %s.",
			"Court hearings and prayer gatherings in %s, from %s.":                                        "Audiências judiciais e reuniões de oração na região %s, de %s.",
			"No hearings or gatherings at the moment. Events appear here as the bulletins announce them.": "Nenhuma audiência ou reunião no momento. Os eventos aparecem aqui à medida que os boletins os anunciam.",
			"No points to pray at the moment: the diary fills again with the next bulletin.":              "Nenhum motivo de oração no momento: o diário volta a se encher com o próximo boletim.",
			"From %s: %s": "Extraído de %s: %s",

			// A region's page.
			"Add the hearings and gatherings of %s to your calendar:":                          "Adicione à sua agenda as audiências e reuniões da região %s:",
			"Follow %s in a feed reader:":                                                      "Acompanhe a região %s em um leitor de feeds:",
			"No points for %s yet.":                                                            "Ainda não há motivos da região %s.",
			"One earlier point for %s is in the bulletins of the <a href=\"%s\">archive</a>.":  "Um motivo anterior da região %s está nos boletins do <a href=\"%s\">arquivo</a>.",
			"%d earlier points for %s are in the bulletins of the <a href=\"%s\">archive</a>.": "%d motivos anteriores da região %s estão nos boletins do <a href=\"%s\">arquivo</a>.",

			// The subscribe page. Google names its calendar "Google
			// Agenda" in Portuguese, Apple and Outlook a "calendário".
			"Pray along every week: add the hearings and gatherings to your calendar, and follow the bulletins where you read. Every address here stays the same for good.": "Ore conosco toda semana: adicione as audiências e reuniões à sua agenda e acompanhe os boletins onde você costuma ler. Todos os endereços desta página são permanentes.",
			"Add hearings and gatherings to your calendar": "Adicione as audiências e reuniões à sua agenda",
			"One step: choose your calendar app. Your calendar then keeps itself up to date: when a hearing moves or is cancelled, it follows.": "Um só passo: escolha seu aplicativo de agenda. Depois, sua agenda se atualiza sozinha: quando uma audiência muda de data ou é cancelada, ela acompanha.",
			"If the Google Calendar button does not work": "Se o botão do Google Agenda não funcionar",
			"Copy this address:":                          "Copie este endereço:",
			"Open <a href=\"https://calendar.google.com/\">Google Calendar</a> on a computer. Beside <em>Other calendars</em>, choose <em>+</em>, then <em>From URL</em>.": "Abra o <a href=\"https://calendar.google.com/\">Google Agenda</a> em um computador. Ao lado de <em>Outras agendas</em>, escolha <em>+</em> e depois <em>Do URL</em>.",
			"Paste the address and choose <em>Add calendar</em>.":                                            "Cole o endereço e escolha <em>Adicionar agenda</em>.",
			"Google refreshes subscribed calendars every 8 to 24 hours, so a change can take a day to show.": "O Google atualiza as agendas assinadas a cada 8 a 24 horas, então uma mudança pode levar um dia para aparecer.",
			"Another calendar app": "Outro aplicativo de agenda",
			"Copy the address above, then: on a Mac, <em>File</em>, <em>New Calendar Subscription</em>; on an iPhone, <em>Settings</em>, <em>Calendar</em>, <em>Accounts</em>, <em>Add Account</em>, <em>Other</em>, <em>Add Subscribed Calendar</em>; in Outlook, <em>Add calendar</em>, <em>Subscribe from web</em>. Most other apps have a place to subscribe to a calendar by its address.": "Copie o endereço acima e depois: no Mac, <em>Arquivo</em>, <em>Nova Assinatura de Calendário</em>; no iPhone, <em>Ajustes</em>, <em>Calendário</em>, <em>Contas</em>, <em>Adicionar Conta</em>, <em>Outra</em>, <em>Adicionar Calendário Assinado</em>; no Outlook, <em>Adicionar calendário</em>, <em>Assinar da Web</em>. A maioria dos outros aplicativos tem um lugar para assinar um calendário pelo endereço.",
			"Or only some of them":                          "Ou só uma parte",
			"Only hearings, only gatherings, or one region": "Só audiências, só reuniões ou uma região",
			"Address to copy":                               "Endereço para copiar",
			"Copy":                                          "Copiar",
			"Pray a point a day":                            "Ore por um motivo a cada dia",
			"The prayer diary puts one point of the week’s bulletin in your calendar each day, as a reminder that takes no time from your day. Each bulletin’s points are spread over the days until the next one comes.": "O diário de oração coloca na sua agenda, a cada dia, um motivo do boletim da semana, como um lembrete que não toma tempo do seu dia. Os motivos de cada boletim são distribuídos pelos dias até a chegada do próximo.",
			"Or a point a day in a feed reader, or by email through a service that sends a feed by email:":                                                                                                                "Ou um motivo por dia em um leitor de feeds, ou por e-mail, com um serviço que envia um feed por e-mail:",
			"Follow in a feed reader": "Acompanhar em um leitor de feeds",
			"A feed reader (NetNewsWire, Feedly, Inoreader, Thunderbird and many more) shows each bulletin as it comes out. Paste this address into yours:": "Um leitor de feeds (NetNewsWire, Feedly, Inoreader, Thunderbird e muitos outros) mostra cada boletim assim que ele sai. Cole este endereço no seu:",
			"One region only, or another format": "Só uma região, ou outro formato",
			"<strong>RSS</strong> suits almost every reader. <strong>Atom</strong> carries the same, for readers that prefer it, and <strong>JSON Feed</strong> the same again, for apps and scripts. <strong>OPML</strong> is a list of every feed here, for readers that import one.": "<strong>RSS</strong> serve para quase todos os leitores. <strong>Atom</strong> traz o mesmo conteúdo, para os leitores que o preferem, e <strong>JSON Feed</strong> também, para aplicativos e scripts. <strong>OPML</strong> é uma lista de todos os feeds desta página, para os leitores que importam listas assim.",
			", every feed at once:":             ", todos os feeds de uma vez:",
			"By email":                          "Por e-mail",
			"Have each bulletin in your inbox:": "Receba cada boletim na sua caixa de entrada:",
			"Sign up for the emails":            "Cadastre-se para receber os e-mails",
			"Podcast":                           "Podcast",
			"Listen to the bulletins: paste this address into your podcast app (in Apple Podcasts, <em>Library</em>, <em>Follow a Show by URL</em>).": "Ouça os boletins: cole este endereço no seu aplicativo de podcasts (no Apple Podcasts, <em>Biblioteca</em>, <em>Seguir um Programa por URL</em>).",
		},
	}
	// Sábado and domingo are masculine: "no primeiro domingo".
	w.masculine.days = map[time.Weekday]bool{time.Saturday: true, time.Sunday: true}
	w.masculine.text = map[string]string{
		"the first %s": "no primeiro %s", "the second %s": "no segundo %s", "the third %s": "no terceiro %s",
		"the fourth %s": "no quarto %s", "the fifth %s": "no quinto %s", "the last %s": "no último %s",
		"the second to last %s": "no penúltimo %s",
	}
	register(w)
}
