use std::io::{self, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use clap::Parser;

use cuecard::cli::{self, Cli, Command, SessionsAction};
use cuecard::content::{Loaded, load};

use cuecard::interview::{InterviewSession, SessionPlan};
use cuecard::search::{SearchIndex, Searcher};
use cuecard::store::sessions::SessionStore;
use cuecard::tui::Start;

fn main() -> ExitCode {
    let args = Cli::parse();
    // Commands about the command line itself read no content.
    match &args.command {
        Some(Command::Completions { shell }) => {
            let mut stdout = io::stdout().lock();
            let written = stdout
                .write_all(&cli::completions(*shell))
                .and_then(|()| stdout.flush());
            return finish(written.map(|()| ExitCode::SUCCESS));
        }
        Some(Command::Man { dir: None }) => {
            let mut stdout = io::stdout().lock();
            let written = cli::man_page(&mut stdout).and_then(|()| stdout.flush());
            return finish(written.map(|()| ExitCode::SUCCESS));
        }
        Some(Command::Man { dir: Some(dir) }) => {
            return match cli::man_pages(dir) {
                Ok(paths) => {
                    let mut stdout = io::stdout().lock();
                    let listed = paths
                        .iter()
                        .try_for_each(|path| writeln!(stdout, "{}", path.display()))
                        .and_then(|()| stdout.flush());
                    finish(listed.map(|()| ExitCode::SUCCESS))
                }
                Err(e) => {
                    eprintln!(
                        "cuecard man: cannot write the pages into {}: {e}; give a directory you can write to with --dir",
                        cuecard::text::inert(&dir.display().to_string())
                    );
                    ExitCode::FAILURE
                }
            };
        }
        _ => {}
    }
    let sources = args.sources();
    let cache = cuecard::cache::ContentCache::for_sources(args.no_cache, &sources);
    // `cuecard search` needs only the search index: from the cache, the content is not read.
    if let Some(Command::Search { query, limit, json }) = &args.command
        && let Some(done) = search_from_cache(
            cache.as_ref(),
            args.data_dir.as_deref(),
            query,
            *limit,
            *json,
        )
    {
        return finish(done);
    }
    // The browser's searcher builds the index and writes the cache on its own thread; other
    // commands write it before they run.
    let browser = matches!(
        args.command,
        None | Some(Command::Interview { .. } | Command::Mock { .. } | Command::Rehearse { .. })
    );
    let cuecard::cache::Found {
        loaded,
        hit,
        index: built,
    } = cuecard::cache::load(&sources, cache.as_ref(), !browser);
    // Only `search` wants the index built for the cache.
    let built = built.filter(|_| matches!(args.command, Some(Command::Search { .. })));
    let index_job = cache.map(|cache| cuecard::cache::IndexJob {
        cache: Arc::new(cache),
        hit,
        problems: loaded.problems.clone(),
    });
    // Questions added in the app go to the user's content directory, or the last --content one.
    let place = args
        .content
        .last()
        .cloned()
        .or_else(cuecard::content::user_content_dir)
        .map(|root| cuecard::content::edit::ContentPlace::new(root, sources.clone()));
    let mut stdout = io::stdout().lock();
    let result = match args.command {
        Some(Command::Validate) => cli::validate(&loaded, &mut stdout).map(|ok| {
            if ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }),
        Some(Command::Import(import)) => {
            let Some(out) = import
                .out
                .clone()
                .or_else(cuecard::content::user_content_dir)
            else {
                eprintln!(
                    "cuecard import: no home directory for your content; give one with --out DIR"
                );
                return ExitCode::FAILURE;
            };
            let request = cli::import::ImportRequest {
                files: import.files.clone(),
                options: cuecard::content::import::ImportOptions {
                    framework: import.framework.clone(),
                    name: import.name.clone(),
                    levels: import.levels.clone(),
                    out: out.clone(),
                    force: import.force,
                    inputs: import
                        .files
                        .iter()
                        .map(|f| f.display().to_string())
                        .collect(),
                },
                dry_run: import.dry_run,
            };
            let mut sources = sources;
            if !sources.contains(&cuecard::content::ContentSource::Directory(out.clone())) {
                sources.push(cuecard::content::ContentSource::Directory(out));
            }
            cli::import::import(&request, &sources, &mut stdout, &mut io::stderr()).map(|done| {
                if done == cli::import::Imported::Done {
                    ExitCode::SUCCESS
                } else {
                    ExitCode::FAILURE
                }
            })
        }
        Some(Command::Schema { kind }) => {
            let kind = match kind {
                cli::SchemaKind::Framework => cuecard::content::format::FileKind::Framework,
                cli::SchemaKind::Competency => cuecard::content::format::FileKind::Competency,
            };
            stdout
                .write_all(cli::scaffold::schema_text(kind).as_bytes())
                .map(|()| ExitCode::SUCCESS)
        }
        Some(Command::New { what, out }) => {
            let Some(root) = out.or_else(cuecard::content::user_content_dir) else {
                eprintln!(
                    "cuecard new: no home directory for your content; give one with --out DIR"
                );
                return ExitCode::FAILURE;
            };
            let made = match what {
                cli::NewWhat::Framework { id } if loaded.library.framework(&id).is_some() => {
                    Err(format!(
                        "a framework `{id}` exists already; a new framework.toml would replace it whole. \
                     To add to it: `cuecard new competency {id}/ID`, or `cuecard import FILE --framework {id}`"
                    ))
                }
                cli::NewWhat::Framework { id } => cli::scaffold::new_framework(&root, &id),
                cli::NewWhat::Competency { id } => match id.split_once('/') {
                    Some((framework, local)) => {
                        // The scale: the framework as loaded, or as it stands in the directory.
                        let mut sources = sources.clone();
                        sources.push(cuecard::content::ContentSource::Directory(root.clone()));
                        match load(&sources).library.framework(framework) {
                            Some(f) => {
                                cli::scaffold::new_competency(&root, framework, local, &f.levels)
                            }
                            None => Err(format!(
                                "no framework `{framework}`: start one with `cuecard new framework {framework}`, or see `cuecard list`"
                            )),
                        }
                    }
                    None => Err(format!(
                        "`{id}` names no framework: write FRAMEWORK/ID, as in `my-role/negotiation`"
                    )),
                },
            };
            match made {
                Ok(path) => writeln!(stdout, "{}", path.display()).map(|()| {
                    eprintln!("cuecard new: edit it, then check it with `cuecard validate`");
                    ExitCode::SUCCESS
                }),
                Err(message) => {
                    eprintln!("cuecard new: {}", cuecard::text::inert(&message));
                    Ok(ExitCode::FAILURE)
                }
            }
        }
        Some(Command::ExportDeck {
            competency,
            level,
            with_notes,
        }) => {
            warn_about_problems(&loaded);
            let notes = if with_notes {
                if cuecard::store::data_dir(args.data_dir.as_deref()).is_none() {
                    eprintln!(
                        "cuecard export-deck: no home directory to find your notes in; choose one with --data-dir DIR or {}",
                        cuecard::store::DATA_DIR_ENV
                    );
                    return ExitCode::FAILURE;
                }
                Some(read_notes(args.data_dir.as_deref()))
            } else {
                None
            };
            let request = cli::DeckRequest {
                competencies: &competency,
                level,
                notes: notes.as_ref(),
            };
            match cli::deck(&loaded.library, &request) {
                Ok(deck) => stdout
                    .write_all(deck.as_bytes())
                    .map(|()| ExitCode::SUCCESS),
                Err(message) => {
                    eprintln!("cuecard export-deck: {message}");
                    return ExitCode::from(2);
                }
            }
        }
        // Answered before the content is read (see above); nothing left to do here.
        Some(Command::Completions { .. } | Command::Man { .. }) => Ok(ExitCode::SUCCESS),
        Some(Command::Config { edit }) => {
            let explicit = args.data_dir.as_deref();
            let (Some(settings_dir), Some(data_dir)) = (
                cuecard::store::settings_dir(explicit),
                cuecard::store::data_dir(explicit),
            ) else {
                eprintln!("cuecard config: no home directory; choose one with --data-dir DIR");
                return ExitCode::FAILURE;
            };
            if edit {
                drop(stdout);
                return match cli::config::edit(&settings_dir) {
                    Ok(()) => ExitCode::SUCCESS,
                    Err(message) => {
                        eprintln!("cuecard config --edit: {message}");
                        ExitCode::FAILURE
                    }
                };
            }
            let places = cli::config::Places {
                settings_dir,
                data_dir,
                content_dir: cuecard::content::user_content_dir(),
                note: cuecard::store::settings_dir(explicit)
                    .and_then(|d| cuecard::store::old_settings_note(&d, explicit)),
            };
            cli::config::print(&places, &mut stdout).map(|ok| {
                if ok {
                    ExitCode::SUCCESS
                } else {
                    ExitCode::FAILURE
                }
            })
        }
        Some(Command::List { json }) => {
            warn_about_problems(&loaded);
            if json {
                cli::list_json(&loaded.library, &mut stdout)
            } else {
                cli::list(&loaded.library, &mut stdout)
            }
            .map(|()| ExitCode::SUCCESS)
        }
        Some(Command::Search { query, limit, json }) => {
            warn_about_problems(&loaded);
            // The content came from the cache (a story bank to check against it, or an index
            // section that did not read): the index from the cache too, or built and the cache
            // written again.
            let index = match (built, index_job.as_ref().filter(|job| job.hit)) {
                (Some(index), _) => index,
                (None, Some(job)) => job.index(&loaded.library),
                (None, None) => SearchIndex::build(&loaded.library),
            };
            let stories = cuecard::store::data_dir(args.data_dir.as_deref())
                .map(|dir| {
                    cuecard::store::stories::StoryStore::new(&dir)
                        .read_bank(&loaded.library)
                        .0
                })
                .unwrap_or_default();
            let data_dir = args.data_dir.as_deref();
            search(index, &stories, data_dir, &query, limit, json, &mut stdout)
        }
        Some(Command::Notes { json }) => {
            warn_about_problems(&loaded);
            let notes = read_notes(args.data_dir.as_deref());
            let marks = cuecard::store::data_dir(args.data_dir.as_deref())
                .map(|dir| cuecard::store::marks::MarkStore::new(&dir).load())
                .transpose()
                .unwrap_or_else(|e| {
                    eprintln!("cuecard: {e}; marks by hand left out");
                    None
                })
                .unwrap_or_default();
            cli::notes(&loaded.library, &notes, &marks, json, &mut stdout).map(|count| {
                if count == 0 {
                    eprintln!("cuecard notes: no notes yet (n on a question writes one)");
                    ExitCode::FAILURE
                } else {
                    ExitCode::SUCCESS
                }
            })
        }
        Some(Command::Export { session, format }) => {
            let Some(store) = session_store(args.data_dir.as_deref()) else {
                return ExitCode::FAILURE;
            };
            match cli::sessions::export(&store, &loaded.library, &session, format) {
                Ok(text) => stdout
                    .write_all(text.as_bytes())
                    .map(|()| ExitCode::SUCCESS),
                Err(message) => {
                    eprintln!("cuecard export: {message}");
                    Ok(ExitCode::FAILURE)
                }
            }
        }
        Some(Command::Kits { json }) => {
            let Some(team) = team_folder(args.data_dir.as_deref(), args.team_dir.as_deref()) else {
                return ExitCode::from(2);
            };
            let (kits, errors) = team.kits();
            for error in &errors {
                eprintln!("cuecard kits: {error}");
            }
            let listed = kits.iter().try_for_each(|kit| {
                if json {
                    writeln!(stdout, "{}", cuecard::text::json_line(kit))
                } else {
                    writeln!(
                        stdout,
                        "{}\t{}\t{}\t{}\t{} questions\t{} min",
                        cuecard::text::inert(&kit.name),
                        cuecard::text::inert(&kit.role),
                        cuecard::text::inert(&kit.stage),
                        kit.level,
                        kit.questions.len(),
                        kit.minutes
                    )
                }
            });
            listed.map(|()| {
                if kits.is_empty() && errors.is_empty() {
                    eprintln!(
                        "cuecard kits: no kits yet; `cuecard kit save SESSION NAME` makes one"
                    );
                }
                if errors.is_empty() {
                    ExitCode::SUCCESS
                } else {
                    ExitCode::FAILURE
                }
            })
        }
        Some(Command::Kit { action }) => {
            let Some(team) = team_folder(args.data_dir.as_deref(), args.team_dir.as_deref()) else {
                return ExitCode::from(2);
            };
            match action {
                cli::KitAction::Save {
                    session,
                    name,
                    instructions,
                    replace,
                } => {
                    let Some(store) = session_store(args.data_dir.as_deref()) else {
                        return ExitCode::FAILURE;
                    };
                    let loaded_session = store
                        .find(&session)
                        .and_then(|id| store.load(&id).map_err(|e| e.to_string()));
                    let saved = loaded_session.and_then(|(session, _)| {
                        let mut kit = cuecard::interview::kit::Kit::from_session(&session, &name);
                        kit.instructions = instructions.unwrap_or_default().trim().to_string();
                        team.save_kit(&kit, replace).map_err(|e| e.to_string())
                    });
                    match saved {
                        Ok(path) => {
                            writeln!(stdout, "{}", path.display()).map(|()| ExitCode::SUCCESS)
                        }
                        Err(message) => {
                            eprintln!("cuecard kit save: {}", cuecard::text::inert(&message));
                            Ok(ExitCode::FAILURE)
                        }
                    }
                }
                cli::KitAction::Show { name } => match team.load_kit(&name) {
                    Ok(kit) => cli::kit_show(&kit, &loaded.library, &mut stdout)
                        .map(|()| ExitCode::SUCCESS),
                    Err(e) => {
                        eprintln!("cuecard kit show: {e}");
                        Ok(ExitCode::FAILURE)
                    }
                },
            }
        }
        Some(Command::Stories { action, json }) => {
            let Some(dir) = cuecard::store::data_dir(args.data_dir.as_deref()) else {
                eprintln!(
                    "cuecard stories: no home directory; choose one with --data-dir DIR or {}.",
                    cuecard::store::DATA_DIR_ENV
                );
                return ExitCode::FAILURE;
            };
            run_stories(
                &loaded,
                &dir,
                args.data_dir.as_deref(),
                action,
                json,
                &mut stdout,
            )
        }
        Some(Command::Sessions { action }) => {
            let Some(store) = session_store(args.data_dir.as_deref()) else {
                return ExitCode::FAILURE;
            };
            match action {
                None => cli::sessions::list(&store, &mut stdout, &mut io::stderr())
                    .map(|()| ExitCode::SUCCESS),
                Some(SessionsAction::Delete {
                    session,
                    candidate,
                    yes,
                    team,
                }) => {
                    let team = if team {
                        match team_folder(args.data_dir.as_deref(), args.team_dir.as_deref()) {
                            Some(folder) => Some(folder),
                            None => return ExitCode::from(2),
                        }
                    } else {
                        None
                    };
                    let found =
                        cli::sessions::to_delete(&store, session.as_deref(), candidate.as_deref());
                    let found = match (found, &team) {
                        (Ok(found), _) => found,
                        // Only the team folder's files of the candidate are left to erase.
                        (Err(_), Some(_)) => Vec::new(),
                        (Err(message), None) => {
                            eprintln!("cuecard sessions delete: {message}");
                            return ExitCode::FAILURE;
                        }
                    };
                    let team_of = team.as_ref().zip(candidate.as_deref());
                    if !yes && !confirm_delete(&found, team_of) {
                        return ExitCode::FAILURE;
                    }
                    let ids: Vec<String> = found.into_iter().map(|(id, _)| id).collect();
                    let mut result = cli::sessions::delete(&store, &ids, &mut stdout);
                    if let Some((folder, name)) = team_of {
                        let erased = cli::sessions::erase_team(folder, name, &mut stdout);
                        result = match (result, erased) {
                            (Ok(()), other) | (other, Ok(())) => other,
                            (Err(a), Err(b)) => Err(format!("{a}\n{b}")),
                        };
                    }
                    match result {
                        Ok(()) => Ok(ExitCode::SUCCESS),
                        Err(message) => {
                            eprintln!("cuecard sessions delete: {message}");
                            Ok(ExitCode::FAILURE)
                        }
                    }
                }
            }
        }
        Some(Command::Submit {
            session,
            amend,
            interviewer,
        }) => {
            let (Some(store), Some(team)) = (
                session_store(args.data_dir.as_deref()),
                team_folder(args.data_dir.as_deref(), args.team_dir.as_deref()),
            ) else {
                return ExitCode::from(2);
            };
            let setting = settings_interviewer(args.data_dir.as_deref());
            match cli::panel::submit(
                &store,
                &team,
                &loaded.library,
                (&session, amend),
                interviewer.as_deref(),
                &setting,
            ) {
                Ok(said) => writeln!(stdout, "{said}").map(|()| ExitCode::SUCCESS),
                Err(message) => {
                    eprintln!("cuecard submit: {message}");
                    Ok(ExitCode::FAILURE)
                }
            }
        }
        Some(
            command @ (Command::Debrief { .. }
            | Command::Calibration { .. }
            | Command::Compare { .. }),
        ) => {
            let Some(team) = team_folder(args.data_dir.as_deref(), args.team_dir.as_deref()) else {
                return ExitCode::from(2);
            };
            let setting = settings_interviewer(args.data_dir.as_deref());
            match cli::panel::run(&command, &team, &setting, &mut stdout, &mut io::stderr()) {
                Ok(code) => Ok(ExitCode::from(code)),
                Err(e) => Err(e),
            }
        }
        Some(Command::Interview {
            candidate,
            kit,
            resume,
            role,
            interviewer,
            stage,
            level,
            competency,
            minutes,
        }) => {
            drop(stdout);
            warn_about_problems(&loaded);
            let interview = match (resume, kit) {
                (Some(name), _) => resume_session(args.data_dir.as_deref(), &name),
                (None, Some(kit)) => {
                    let interviewer = interviewer
                        .unwrap_or_else(|| settings_interviewer(args.data_dir.as_deref()));
                    session_from_kit(
                        &loaded,
                        (args.data_dir.as_deref(), args.team_dir.as_deref()),
                        &kit,
                        &candidate.unwrap_or_default(),
                    )
                    .map(|mut session| {
                        session.interviewer = interviewer.trim().to_string();
                        (session, None)
                    })
                }
                (None, None) => {
                    let plan = SessionPlan {
                        candidate: candidate.unwrap_or_default(),
                        role,
                        level,
                        competencies: competency,
                        minutes,
                    };
                    let interviewer = interviewer
                        .unwrap_or_else(|| settings_interviewer(args.data_dir.as_deref()));
                    InterviewSession::new(&loaded.library, &plan, chrono::Utc::now()).map(
                        |mut session| {
                            session.interviewer = interviewer.trim().to_string();
                            session.stage = stage.trim().to_string();
                            (session, None)
                        },
                    )
                }
            };
            let interview = match interview {
                Ok(interview) => interview,
                Err(message) => {
                    eprintln!("cuecard interview: {message}");
                    return ExitCode::from(2);
                }
            };
            let start = Start {
                interview: Some(interview),
                ..Start::default()
            };
            return browse(
                loaded,
                (args.data_dir.as_deref(), args.team_dir.as_deref()),
                place,
                index_job,
                start,
            );
        }
        Some(Command::Mock {
            competency,
            level,
            count,
            minutes,
            seed,
        }) => {
            drop(stdout);
            warn_about_problems(&loaded);
            let Some(dir) = cuecard::store::data_dir(args.data_dir.as_deref()) else {
                eprintln!("cuecard mock: no home directory; choose one with --data-dir DIR");
                return ExitCode::FAILURE;
            };
            let plan = cuecard::interview::mock::MockPlan {
                competencies: competency,
                level,
                count,
                minutes: minutes.unwrap_or(count as u64 * 4),
                seed: seed.unwrap_or_else(|| {
                    chrono::Utc::now().timestamp_nanos_opt().unwrap_or(0) as u64
                }),
            };
            let session = match prepare_mock(&loaded, &dir, args.data_dir.as_deref(), &plan) {
                Ok(session) => session,
                Err(message) => {
                    eprintln!("cuecard mock: {message}");
                    return ExitCode::from(2);
                }
            };
            let start = Start {
                interview: Some((session, None)),
                ..Start::default()
            };
            return browse(
                loaded,
                (args.data_dir.as_deref(), args.team_dir.as_deref()),
                place,
                index_job,
                start,
            );
        }
        Some(Command::Rehearse {
            competency,
            level,
            until,
        }) => {
            drop(stdout);
            warn_about_problems(&loaded);
            let settings = settings_of(args.data_dir.as_deref());
            let scope = match cuecard::practice::rehearsal_scope(
                &loaded.library,
                &competency,
                level,
                &settings.target_levels,
            ) {
                Ok(scope) => scope,
                Err(message) => {
                    eprintln!("cuecard rehearse: {message}");
                    return ExitCode::from(2);
                }
            };
            remember_rehearsal(&loaded, args.data_dir.as_deref(), &competency, level, until);
            let start = Start {
                until,
                rehearse: Some(scope),
                ..Start::default()
            };
            return browse(
                loaded,
                (args.data_dir.as_deref(), args.team_dir.as_deref()),
                place,
                index_job,
                start,
            );
        }
        None => {
            drop(stdout);
            return browse(
                loaded,
                (args.data_dir.as_deref(), args.team_dir.as_deref()),
                place,
                index_job,
                Start::default(),
            );
        }
    };
    let result = result.and_then(|code| stdout.flush().map(|()| code));
    finish(result)
}

/// The exit code of a command that printed, or why its output could not be written.
fn finish(result: io::Result<ExitCode>) -> ExitCode {
    match result {
        Ok(code) => code,
        // A closed pipe (`cuecard list | head`) is the reader's choice, not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cuecard: cannot write the output: {e}");
            ExitCode::FAILURE
        }
    }
}

/// A mock interview from the data directory's history, stories and settings.
fn prepare_mock(
    loaded: &Loaded,
    dir: &Path,
    explicit: Option<&Path>,
    plan: &cuecard::interview::mock::MockPlan,
) -> Result<cuecard::interview::InterviewSession, String> {
    let schedule = cuecard::store::reviews::ReviewStore::new(dir)
        .load()
        .map(|(schedule, _)| schedule)
        .unwrap_or_default();
    let (stories, _) = cuecard::store::stories::StoryStore::new(dir).read_bank(&loaded.library);
    let settings = settings_of(explicit);
    let previous = SessionStore::new(dir).last_mock_questions();
    cuecard::interview::prepare::mock_session(
        &loaded.library,
        plan,
        &schedule,
        &stories,
        &settings.target_levels,
        &previous,
        chrono::Utc::now(),
    )
}

/// `cuecard stories` and its subcommands.
fn run_stories(
    loaded: &Loaded,
    dir: &Path,
    explicit: Option<&Path>,
    action: Option<cli::StoriesAction>,
    json: bool,
    out: &mut dyn Write,
) -> io::Result<ExitCode> {
    use cuecard::cli::stories;
    let store = cuecard::store::stories::StoryStore::new(dir);
    let settings = settings_of(explicit);
    if let Some(cli::StoriesAction::Add {
        title,
        competency,
        question,
    }) = &action
    {
        let evidence: Result<Vec<_>, String> = competency
            .iter()
            .map(|c| stories::evidence_arg(&loaded.library, c, &settings.target_levels))
            .collect();
        let made = evidence
            .and_then(|evidence| stories::add(&store, &loaded.library, title, &evidence, question));
        return match made {
            Ok(path) => writeln!(out, "{}", path.display()).map(|()| ExitCode::SUCCESS),
            Err(message) => {
                eprintln!("cuecard stories add: {message}");
                Ok(ExitCode::from(2))
            }
        };
    }
    let (bank, problems) = stories::read_bank(&store, &loaded.library);
    for problem in &problems {
        eprintln!("{}", cuecard::text::inert(problem));
    }
    match action {
        None => stories::list(&bank, json, out)?,
        Some(cli::StoriesAction::Coverage { json, level }) => {
            let targets = &settings.target_levels;
            let rows = cuecard::stories::coverage(&loaded.library, &bank, |framework| {
                level.or_else(|| targets.get(framework).copied())
            });
            stories::print_coverage(&rows, json, out)?;
        }
        Some(cli::StoriesAction::Export) => stories::export(&bank, &loaded.library, out)?,
        Some(cli::StoriesAction::Add { .. }) => {}
    }
    if bank.is_empty()
        && problems.is_empty()
        && !matches!(action, Some(cli::StoriesAction::Coverage { .. }))
    {
        eprintln!(
            "cuecard stories: no stories yet; `cuecard stories add --title TEXT --competency ID@LEVEL` starts one"
        );
    }
    Ok(if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// Opens the terminal browser, when there is a terminal to open it in.
fn browse(
    loaded: Loaded,
    (data_dir, team_dir): (Option<&Path>, Option<&Path>),
    content: Option<cuecard::content::edit::ContentPlace>,
    index: Option<cuecard::cache::IndexJob>,
    start: Start,
) -> ExitCode {
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        eprintln!(
            "cuecard: the browser needs a terminal. To print the content, use `cuecard list`; \
             `cuecard --help` lists every command."
        );
        return ExitCode::FAILURE;
    }
    let explicit = data_dir;
    let Some(data_dir) = cuecard::store::data_dir(data_dir) else {
        eprintln!(
            "cuecard: no home directory to keep notes in; choose one with --data-dir DIR or {}.",
            cuecard::store::DATA_DIR_ENV
        );
        return ExitCode::FAILURE;
    };
    let settings_dir = cuecard::store::settings_dir(explicit).unwrap_or_else(|| data_dir.clone());
    let team_dir =
        cuecard::store::team::team_dir(team_dir, settings_of(explicit).team_dir.as_deref());
    let options = cuecard::tui::Options {
        data_dir,
        settings_dir,
        start,
        content,
        team_dir,
        index,
    };
    match cuecard::tui::run(loaded, &options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cuecard: {e}");
            ExitCode::FAILURE
        }
    }
}

/// `rehearse --until` and `--level` are kept in the settings until changed: the interview date,
/// and the target level of each framework rehearsed. A file that cannot be changed is said on
/// standard error; the rehearsal goes on with the values given.
fn remember_rehearsal(
    loaded: &Loaded,
    data_dir: Option<&Path>,
    competencies: &[String],
    level: Option<usize>,
    until: Option<chrono::NaiveDate>,
) {
    use cuecard::store::settings::{Change, update};
    let Some(dir) = cuecard::store::settings_dir(data_dir) else {
        return;
    };
    let mut changes = Vec::new();
    if let Some(date) = until {
        changes.push(Change::InterviewDate(Some(date)));
    }
    if let Some(level) = level
        && let Ok(chosen) = cuecard::practice::chosen_competencies(&loaded.library, competencies)
    {
        let mut frameworks: Vec<&str> = chosen
            .iter()
            .filter_map(|c| c.id.split('/').next())
            .collect();
        frameworks.dedup();
        for framework in frameworks {
            let fits = loaded
                .library
                .framework(framework)
                .is_some_and(|f| level <= f.levels.len());
            if fits {
                changes.push(Change::TargetLevel {
                    framework: framework.to_string(),
                    level: Some(level),
                });
            }
        }
    }
    for change in changes {
        if let Err(e) = update(&dir, &change) {
            eprintln!("cuecard rehearse: not remembered: {e}");
        }
    }
}

/// Asks on the terminal whether to delete `found` (id, candidate); without a terminal, says to
/// pass --yes. True to go on.
fn confirm_delete(
    found: &[(String, String)],
    team: Option<(&cuecard::store::team::TeamFolder, &str)>,
) -> bool {
    use std::io::{BufRead, IsTerminal};
    if !io::stdin().is_terminal() {
        eprintln!(
            "cuecard sessions delete: not asked (no terminal); add --yes to delete without asking"
        );
        return false;
    }
    eprintln!("This removes every file of:");
    for (id, candidate) in found {
        eprintln!("  {id}\t{}", cuecard::text::inert(candidate));
    }
    if let Some((folder, name)) = team {
        eprintln!(
            "  and in the team folder, every scorecard of {} (by anyone): {}",
            cuecard::text::inert(name),
            cuecard::text::inert(&folder.candidate_dir(name).display().to_string())
        );
    }
    eprint!("Delete? [y/N] ");
    let mut answer = String::new();
    let _ = io::stdin().lock().read_line(&mut answer);
    let yes = matches!(answer.trim(), "y" | "Y" | "yes" | "Yes");
    if !yes {
        eprintln!("Nothing deleted.");
    }
    yes
}

/// The interviewer named in the settings, if any (a settings file that cannot be read is
/// reported by the app itself).
fn settings_interviewer(data_dir: Option<&Path>) -> String {
    settings_of(data_dir).interviewer
}

/// A saved session to go back to, with the version of its file.
fn resume_session(
    data_dir: Option<&Path>,
    name: &str,
) -> Result<(InterviewSession, Option<cuecard::store::Target>), String> {
    let store = session_store(data_dir).ok_or("no data directory")?;
    let id = store.find(name)?;
    let (session, target) = store.load(&id).map_err(|e| e.to_string())?;
    Ok((session, Some(target)))
}

/// The interview sessions of the data directory; says why on stderr when there is none.
fn session_store(data_dir: Option<&Path>) -> Option<SessionStore> {
    match cuecard::store::data_dir(data_dir) {
        Some(dir) => Some(SessionStore::new(&dir)),
        None => {
            eprintln!(
                "cuecard: no home directory to find sessions in; choose one with --data-dir DIR or {}.",
                cuecard::store::DATA_DIR_ENV
            );
            None
        }
    }
}

/// The user's notes, for search; notes that cannot be read are named on stderr and left out.
fn read_notes(data_dir: Option<&Path>) -> std::collections::BTreeMap<String, String> {
    let Some(dir) = cuecard::store::data_dir(data_dir) else {
        return Default::default();
    };
    let (notes, errors) = cuecard::store::notes::NoteStore::new(&dir).load_all();
    for error in errors {
        eprintln!("cuecard: {error}");
    }
    notes
}

/// `cuecard search` from the cached index alone, when the cache is valid and the user has no
/// stories (which are read against the content). `None`: search the content as loaded.
fn search_from_cache(
    cache: Option<&cuecard::cache::ContentCache>,
    data_dir: Option<&Path>,
    query: &[String],
    limit: usize,
    json: bool,
) -> Option<io::Result<ExitCode>> {
    if let Some(dir) = cuecard::store::data_dir(data_dir) {
        let (stories, errors) = cuecard::store::stories::StoryStore::new(&dir).load_all();
        if !stories.is_empty() || !errors.is_empty() {
            return None;
        }
    }
    let (index, problems) = cache?.read_index()?;
    warn_about_problem_count(problems);
    let mut stdout = io::stdout().lock();
    Some(search(
        index,
        &[],
        data_dir,
        query,
        limit,
        json,
        &mut stdout,
    ))
}

/// Runs `cuecard search` over `index` with the user's notes, and prints the results.
fn search(
    mut index: SearchIndex,
    stories: &[cuecard::stories::Story],
    data_dir: Option<&Path>,
    query: &[String],
    limit: usize,
    json: bool,
    stdout: &mut dyn Write,
) -> io::Result<ExitCode> {
    index.set_notes(&read_notes(data_dir));
    index.set_stories(stories);
    let index = Arc::new(index);
    let query = query.join(" ");
    let results = Searcher::new(Arc::clone(&index)).search(&query, limit);
    let problem = index.query_problem(&query);
    if let Some(problem) = &problem {
        eprintln!("cuecard search: {}", cuecard::text::inert(problem));
    }
    cli::print_results(&index, &results, json, stdout)?;
    if results.is_empty() {
        if problem.is_none() {
            eprintln!(
                "cuecard search: no results for {:?}",
                cuecard::text::inert(&query)
            );
        }
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

/// Commands that use the content still run on its valid part, but say that some was left out.
fn warn_about_problems(loaded: &Loaded) {
    warn_about_problem_count(loaded.problems.len());
}

fn warn_about_problem_count(n: usize) {
    if n > 0 {
        eprintln!(
            "cuecard: {n} problem{} in the content; the affected files were left out. Run `cuecard validate` to see {}.",
            if n == 1 { "" } else { "s" },
            if n == 1 { "it" } else { "them" }
        );
    }
}

/// The settings in force for this command line's data directory (`explicit`: `--data-dir`);
/// the defaults when there are none or they cannot be read (the app says why).
fn settings_of(explicit: Option<&Path>) -> cuecard::store::settings::Settings {
    cuecard::store::settings_dir(explicit)
        .and_then(|place| cuecard::store::settings::Settings::load(&place).ok())
        .unwrap_or_default()
}

/// The team folder of this command line, or a message saying how to set one.
fn team_folder(
    data_dir: Option<&Path>,
    team_dir: Option<&Path>,
) -> Option<cuecard::store::team::TeamFolder> {
    let setting = settings_of(data_dir).team_dir;
    match cuecard::store::team::team_dir(team_dir, setting.as_deref()) {
        Some(dir) => {
            let folder = cuecard::store::team::TeamFolder::new(&dir);
            match folder.check() {
                Ok(()) => Some(folder),
                Err(message) => {
                    eprintln!("cuecard: {message}");
                    None
                }
            }
        }
        None => {
            eprintln!(
                "cuecard: no team folder; {}",
                cuecard::store::team::HOW_TO_SET
            );
            None
        }
    }
}

/// A new interview of `candidate` from the kit `name`; questions the content lost are said.
fn session_from_kit(
    loaded: &Loaded,
    (data_dir, team_dir): (Option<&Path>, Option<&Path>),
    name: &str,
    candidate: &str,
) -> Result<InterviewSession, String> {
    let Some(team) = team_folder(data_dir, team_dir) else {
        // Said already.
        std::process::exit(2);
    };
    let kit = team.load_kit(name).map_err(|e| e.to_string())?;
    let (session, gone) = kit.session(&loaded.library, candidate, chrono::Utc::now())?;
    if !gone.is_empty() {
        eprintln!(
            "cuecard interview: the kit names what the content no longer has, left out: {}",
            cuecard::text::inert(&gone.join(", "))
        );
    }
    Ok(session)
}
