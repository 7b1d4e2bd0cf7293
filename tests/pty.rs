//! The real binary in a pseudo-terminal: start it, read the screen, press keys, quit, and check
//! that the terminal was restored — on quit, on SIGTERM and on panic.

use std::fs;
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use nix::sys::termios::LocalFlags;
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use tempfile::TempDir;

const TIMEOUT: Duration = Duration::from_secs(20);

struct Session {
    parser: Arc<Mutex<vt100::Parser>>,
    /// Everything the program wrote, for checks on raw escape sequences.
    output: Arc<Mutex<Vec<u8>>>,
    writer: Writer,
    child: Box<dyn Child + Send + Sync>,
    master: Option<Box<dyn MasterPty + Send>>,
    /// Set when the terminal is closed: the output reader lets go of it.
    closed: Arc<AtomicBool>,
    _home: TempDir,
}

/// The terminal's input, until the terminal is closed.
struct Writer(Option<Box<dyn Write + Send>>);

impl Write for Writer {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.as_mut().expect("terminal open").write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.as_mut().expect("terminal open").flush()
    }
}

impl Session {
    fn start(cols: u16, rows: u16, env: &[(&str, &str)]) -> Session {
        Session::start_with_args(cols, rows, env, &[])
    }

    fn start_with_args(cols: u16, rows: u16, env: &[(&str, &str)], args: &[&str]) -> Session {
        Session::spawn(cols, rows, env, env!("CARGO_BIN_EXE_cuecard"), args)
    }

    /// Types `text` a key at a time, `gap` apart, as a steady typist does.
    fn type_steadily(&mut self, text: &str, gap: Duration) {
        for c in text.chars() {
            self.writer.write_all(c.to_string().as_bytes()).unwrap();
            self.writer.flush().unwrap();
            thread::sleep(gap);
        }
    }

    /// The terminal window closes: its side of the pseudo-terminal goes away.
    fn close_terminal(&mut self) {
        self.closed.store(true, Ordering::SeqCst);
        self.writer.0 = None;
        self.master = None;
    }

    fn spawn(cols: u16, rows: u16, env: &[(&str, &str)], program: &str, args: &[&str]) -> Session {
        let home = TempDir::new().unwrap();
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut command = CommandBuilder::new(program);
        command.args(args);
        command.cwd(home.path());
        command.env("HOME", home.path());
        command.env("XDG_CONFIG_HOME", home.path());
        command.env("XDG_CACHE_HOME", home.path());
        command.env("TERM", "xterm-256color");
        command.env_remove("NO_COLOR");
        for (key, value) in env {
            command.env(key, value);
        }
        let child = pair.slave.spawn_command(command).unwrap();
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            NonZeroU16::new(rows).unwrap(),
            NonZeroU16::new(cols).unwrap(),
            0,
        )));
        let output = Arc::new(Mutex::new(Vec::new()));
        // The output is read from a descriptor of our own, polled, so that closing the terminal
        // (dropping every descriptor of its side) also ends the reading.
        let closed = Arc::new(AtomicBool::new(false));
        let fd = pair.master.as_raw_fd().expect("a unix pty");
        let reader = nix::unistd::dup(fd).unwrap();
        // SAFETY: `reader` is a new descriptor that only this `File` owns.
        let mut reader = unsafe { <fs::File as std::os::fd::FromRawFd>::from_raw_fd(reader) };
        let (p, o, stop) = (
            Arc::clone(&parser),
            Arc::clone(&output),
            Arc::clone(&closed),
        );
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while !stop.load(Ordering::SeqCst) {
                let mut poll = libc::pollfd {
                    fd: std::os::fd::AsRawFd::as_raw_fd(&reader),
                    events: libc::POLLIN,
                    revents: 0,
                };
                // SAFETY: one valid `pollfd`, a 50 ms timeout.
                if unsafe { libc::poll(&mut poll, 1, 50) } <= 0 {
                    continue;
                }
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        p.lock().unwrap().process(&buf[..n]);
                        o.lock().unwrap().extend_from_slice(&buf[..n]);
                    }
                }
            }
        });
        let writer = Writer(Some(pair.master.take_writer().unwrap()));
        Session {
            parser,
            output,
            writer,
            child,
            master: Some(pair.master),
            closed,
            _home: home,
        }
    }

    fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < TIMEOUT {
            if self.screen().contains(text) {
                return;
            }
            thread::sleep(Duration::from_millis(20));
        }
        panic!("{text:?} never appeared; the screen:\n{}", self.screen());
    }

    fn press(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
        // Let the program read the key on its own, so that Esc is not taken for the start of a
        // sequence with whatever follows.
        thread::sleep(Duration::from_millis(60));
    }

    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        while start.elapsed() < TIMEOUT {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Give the reader a moment to take in the last bytes.
                thread::sleep(Duration::from_millis(200));
                return status;
            }
            thread::sleep(Duration::from_millis(20));
        }
        self.child.kill().unwrap();
        panic!("cuecard did not exit; the screen:\n{}", self.screen());
    }

    /// The terminal is as the program found it: main screen, cursor shown, no mouse reporting,
    /// line editing and echo back on.
    fn assert_restored(&self) {
        let parser = self.parser.lock().unwrap();
        let screen = parser.screen();
        assert!(!screen.alternate_screen(), "still on the alternate screen");
        assert!(!screen.hide_cursor(), "the cursor is still hidden");
        assert_eq!(
            screen.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse still reported"
        );
        let termios = self
            .master
            .as_ref()
            .unwrap()
            .get_termios()
            .expect("termios of the pty");
        assert!(
            termios.local_flags.contains(LocalFlags::ICANON),
            "raw mode still on"
        );
        assert!(
            termios.local_flags.contains(LocalFlags::ECHO),
            "echo still off"
        );
    }
}

impl Drop for Session {
    /// A failed test must not leave the program running.
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
    }
}

#[test]
fn browse_open_reveal_help_and_quit() {
    let mut session = Session::start(100, 30, &[]);
    session.wait_for("Customer Interaction");
    assert!(session.parser.lock().unwrap().screen().alternate_screen());
    session.press("j");
    session.press("\r");
    session.wait_for("Questions 6");
    session.press("\r");
    session.wait_for("Question 1 of 6");
    session.wait_for("Space reveals");
    session.press(" ");
    session.wait_for("What a strong answer covers");
    session.press("?");
    session.wait_for("Keys · Esc closes");
    session.press("\x1b");
    session.wait_for("Anchors");
    assert!(!session.screen().contains("Keys · Esc closes"));
    session.press("q");
    let status = session.wait_exit();
    assert!(status.success(), "{status:?}");
    session.assert_restored();
}

#[test]
fn sigterm_and_sighup_restore_the_terminal() {
    for signal in ["-TERM", "-HUP"] {
        let mut session = Session::start(80, 24, &[]);
        session.wait_for("Competencies");
        let pid = session.child.process_id().unwrap();
        let killed = std::process::Command::new("kill")
            .args([signal, &pid.to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
        let status = session.wait_exit();
        assert!(status.success(), "{signal}: {status:?}");
        session.assert_restored();
    }
}

// The panic is requested through a hook that exists in debug builds only.
#[cfg(debug_assertions)]
#[test]
fn a_panic_restores_the_terminal_and_prints_the_message() {
    let mut session = Session::start(80, 24, &[("CUECARD_TEST_PANIC", "1")]);
    let status = session.wait_exit();
    assert!(!status.success());
    session.assert_restored();
    session.wait_for("panic requested by CUECARD_TEST_PANIC");
    // The message is printed after leaving the alternate screen, so it stays readable.
    let output = session.output.lock().unwrap().clone();
    let text = String::from_utf8_lossy(&output);
    let left = text.find("\x1b[?1049l").expect("left the alternate screen");
    assert_eq!(
        text.matches("\x1b[?1049l").count(),
        1,
        "the alternate screen was left twice"
    );
    let message = text.find("panic requested").unwrap();
    assert!(
        left < message,
        "the panic message was printed inside the alternate screen"
    );
}

#[test]
fn a_narrow_pane_beside_a_call_shows_one_pane_with_tabs() {
    let mut session = Session::start(60, 20, &[]);
    session.wait_for("Competencies");
    session.wait_for("Questions");
    session.press("\t");
    session.wait_for("Behaviors · level 1 of 4");
    session.press("q");
    assert!(session.wait_exit().success());
    session.assert_restored();
}

#[test]
fn no_color_draws_in_the_terminals_own_colours() {
    let cells_with_colour = |session: &Session| {
        let parser = session.parser.lock().unwrap();
        let screen = parser.screen();
        let (rows, cols) = (24, 80);
        (0..rows)
            .flat_map(|r| (0..cols).map(move |c| (r, c)))
            .filter(|(r, c)| {
                let cell = screen.cell(*r, *c).unwrap();
                cell.fgcolor() != vt100::Color::Default || cell.bgcolor() != vt100::Color::Default
            })
            .count()
    };
    let mut coloured = Session::start(80, 24, &[]);
    coloured.wait_for("Competencies");
    coloured.wait_for("help");
    assert!(
        cells_with_colour(&coloured) > 0,
        "colour accents expected without NO_COLOR"
    );
    coloured.press("q");
    coloured.wait_exit();

    let mut plain = Session::start(80, 24, &[("NO_COLOR", "1")]);
    plain.wait_for("Competencies");
    plain.wait_for("help");
    assert_eq!(cells_with_colour(&plain), 0);
    plain.press("q");
    assert!(plain.wait_exit().success());
}

#[test]
fn search_type_enter_and_the_chosen_question_is_open() {
    let mut session = Session::start(100, 30, &[]);
    session.wait_for("Competencies");
    session.press("/");
    session.wait_for("Type to search");
    for c in "k:not only the mood".chars() {
        session.writer.write_all(c.to_string().as_bytes()).unwrap();
    }
    session.writer.flush().unwrap();
    // Every word of the query in a key point, the one quoted first.
    session.wait_for(" results");
    session.wait_for("▸ key point · L3 · Customer Interaction");
    session.press("\r");
    session.wait_for("What a strong answer covers");
    session.wait_for("Tell me about a time a customer was upset");
    session.press("q");
    assert!(session.wait_exit().success());
    session.assert_restored();
}

/// The note of the first Customer Interaction question under `data` (its level 1 question comes
/// first, at the browser's starting level).
fn first_note(data: &std::path::Path) -> std::path::PathBuf {
    data.join("notes/customer-support/customer-interaction/interaction-that-went-wrong.md")
}

fn kill(session: &Session, signal: &str) {
    let pid = session.child.process_id().unwrap();
    let killed = std::process::Command::new("kill")
        .args([signal, &pid.to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
}

#[test]
fn a_note_typed_in_one_run_is_there_in_the_next() {
    let data = TempDir::new().unwrap();
    let data_dir = data.path().to_str().unwrap();
    let mut session = Session::start(100, 30, &[("CUECARD_DATA_DIR", data_dir)]);
    session.wait_for("Customer Interaction");
    session.press("\r");
    session.press("\r");
    session.wait_for("Question 1 of");
    session.press("n");
    session.wait_for("## Situation");
    // Typed at once, with no key to move: the cursor of a new note waits under the Situation
    // heading.
    session.press("The courier lost the parcel twice.");
    session.wait_for("parcel twice");
    session.press("\x1b");
    // Search finds the note as soon as it is saved, and Enter goes to its question.
    session.press("\x1b");
    session.wait_for("Competencies");
    session.press("/");
    session.press("n:courier parcel");
    session.wait_for("note ·");
    session.press("\r");
    session.wait_for("Your note");
    session.press("q");
    assert!(session.wait_exit().success());
    session.assert_restored();
    let note = fs::read_to_string(first_note(data.path())).unwrap();
    assert!(
        note.contains("## Situation\nThe courier lost the parcel twice.\n"),
        "{note:?}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(first_note(data.path()))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    let mut again = Session::start(100, 30, &[("CUECARD_DATA_DIR", data_dir)]);
    again.wait_for("Customer Interaction");
    again.press("\t\t");
    again.wait_for("✎ note");
    again.press("\r");
    again.wait_for("Your note");
    again.wait_for("The courier lost the parcel twice.");
    again.press("q");
    assert!(again.wait_exit().success());
}

#[test]
fn sigterm_while_typing_saves_the_note_first() {
    let data = TempDir::new().unwrap();
    let data_dir = data.path().to_str().unwrap();
    let mut session = Session::start(100, 30, &[("CUECARD_DATA_DIR", data_dir)]);
    session.wait_for("Customer Interaction");
    session.press("\r");
    session.press("\r");
    session.press("n");
    session.wait_for("## Situation");
    session.writer.write_all(b"last words").unwrap();
    session.writer.flush().unwrap();
    session.wait_for("last words");
    // Well within the autosave delay: only the signal's save can have written it.
    kill(&session, "-TERM");
    assert!(session.wait_exit().success());
    session.assert_restored();
    let note = fs::read_to_string(first_note(data.path())).unwrap();
    assert!(note.contains("last words"), "{note:?}");
}

#[test]
fn sigkill_mid_typing_leaves_the_old_or_the_new_note_never_a_torn_one() {
    let data = TempDir::new().unwrap();
    let data_dir = data.path().to_str().unwrap();
    let typed = "Every word of this answer matters to me.";
    // Killed after different amounts of typing: before any save, between saves, right after one.
    for (round, pause_ms) in [(0usize, 0u64), (1, 700), (2, 1300)] {
        let mut session = Session::start(100, 30, &[("CUECARD_DATA_DIR", data_dir)]);
        session.wait_for("Customer Interaction");
        session.press("\r");
        session.press("\r");
        session.press("n");
        session.wait_for("Note ·");
        // Type on the outline's blank line under "Situation", after what earlier rounds typed:
        // up to the top whatever the cursor's start, one down, to the end of the line.
        session.press(&format!("{}\x1b[B\x1b[F", "\x1b[A".repeat(20)));
        let before = fs::read_to_string(first_note(data.path())).ok();
        let start = Instant::now();
        for c in typed.chars() {
            session.writer.write_all(c.to_string().as_bytes()).unwrap();
            session.writer.flush().unwrap();
            thread::sleep(Duration::from_millis(15));
            if pause_ms > 0 && start.elapsed() > Duration::from_millis(pause_ms) {
                break;
            }
        }
        if round == 2 {
            // Idle past the autosave delay: wait (however slow the machine) for the save, then kill.
            let start = Instant::now();
            while start.elapsed() < TIMEOUT {
                let saved = fs::read_to_string(first_note(data.path())).unwrap_or_default();
                if saved.matches("Every").count()
                    > before.as_deref().unwrap_or("").matches("Every").count()
                {
                    break;
                }
                thread::sleep(Duration::from_millis(20));
            }
        } else {
            thread::sleep(Duration::from_millis(pause_ms.min(600)));
        }
        kill(&session, "-KILL");
        let _ = session.wait_exit();
        let after = fs::read_to_string(first_note(data.path())).ok();
        match &after {
            None => assert!(before.is_none(), "round {round}: the note vanished"),
            Some(text) => {
                // What was saved is the old note, or the old note with a prefix of what this
                // round typed after it, under "Situation": never a cut file.
                let unchanged = before.as_deref() == Some(text.as_str());
                let situation = "## Situation\n";
                let rest = &cuecard::practice::STAR_OUTLINE[situation.len()..];
                let line_of = |note: &str| -> Option<String> {
                    let line = note.strip_prefix(situation)?.strip_suffix(rest)?;
                    Some(line.to_string())
                };
                let base = before.as_deref().and_then(line_of).unwrap_or_default();
                let whole = line_of(text).is_some_and(|line| {
                    line.strip_prefix(base.as_str())
                        .is_some_and(|added| typed.starts_with(added))
                });
                assert!(unchanged || whole, "round {round}: torn note {text:?}");
            }
        }
    }
    // The last round waited past the autosave delay: something was saved by then.
    let last = fs::read_to_string(first_note(data.path())).unwrap();
    assert!(last.contains("Every"), "{last:?}");
}

#[test]
fn steady_typing_without_a_pause_is_on_disk_within_about_a_second_when_killed() {
    let data = TempDir::new().unwrap();
    let data_dir = data.path().to_str().unwrap();
    let mut session = Session::start(100, 30, &[("CUECARD_DATA_DIR", data_dir)]);
    session.wait_for("Customer Interaction");
    session.press("\r");
    session.press("\r");
    session.press("n");
    session.wait_for("Note ·");
    session.press("\x1b[B\x1b[F");
    // One key every 0.3 s for 4.5 s: the half-second pause never comes.
    let typed = "abcdefghijklmno";
    session.type_steadily(typed, Duration::from_millis(300));
    kill(&session, "-KILL");
    let _ = session.wait_exit();
    let note = fs::read_to_string(first_note(data.path())).unwrap_or_default();
    // At most about a second of typing (four keys at this rhythm, one more for a slow machine)
    // may be missing.
    let kept = longest_prefix_kept(typed, |prefix| note.contains(prefix));
    assert!(
        kept >= typed.len() - 5,
        "only {kept} keys of {typed:?} saved: {note:?}"
    );
}

/// How many leading characters of `typed` were kept, by `kept(prefix)`.
fn longest_prefix_kept(typed: &str, kept: impl Fn(&str) -> bool) -> usize {
    (0..=typed.len())
        .rev()
        .find(|n| typed.is_char_boundary(*n) && kept(&typed[..*n]))
        .unwrap_or(0)
}

/// The saved session of a data directory, as text.
fn session_file(data: &std::path::Path) -> String {
    let dir = data.join("sessions");
    let file = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "toml"))
        .unwrap();
    fs::read_to_string(file).unwrap()
}

/// Waits for the process to end by itself within `limit`; its exit status.
fn exits_within(session: &mut Session, limit: Duration) -> Option<portable_pty::ExitStatus> {
    let start = Instant::now();
    while start.elapsed() < limit {
        if let Some(status) = session.child.try_wait().unwrap() {
            return Some(status);
        }
        thread::sleep(Duration::from_millis(20));
    }
    None
}

#[test]
fn closing_the_terminal_mid_note_keeps_the_half_typed_line_and_the_time() {
    let data = TempDir::new().unwrap();
    let data_dir = data.path().to_str().unwrap();
    let args = [
        "interview",
        "--candidate",
        "Ada Lovelace",
        "--minutes",
        "30",
    ];
    let mut session = Session::start_with_args(60, 20, &[("CUECARD_DATA_DIR", data_dir)], &args);
    session.wait_for("Ada Lovelace");
    session.press(" ");
    thread::sleep(Duration::from_millis(1100));
    session.press("n");
    session.press("calm, named the refund ru");
    session.wait_for("refund ru");
    session.close_terminal();
    let status = exits_within(&mut session, Duration::from_secs(3));
    assert!(
        status.is_some(),
        "cuecard kept running without its terminal"
    );
    let saved = session_file(data.path());
    assert!(saved.contains("calm, named the refund ru"), "{saved}");
    assert!(
        !saved.contains("elapsed = 0\n"),
        "the time was lost: {saved}"
    );
}

#[test]
fn without_a_controlling_terminal_a_closed_terminal_still_ends_cuecard_and_saves() {
    let data = TempDir::new().unwrap();
    let data_dir = data.path().to_str().unwrap();
    let cuecard = env!("CARGO_BIN_EXE_cuecard");
    // `setsid` leaves cuecard without a controlling terminal: no SIGHUP comes when it closes.
    let args = ["-w", cuecard, "interview", "--candidate", "Grace Hopper"];
    let mut session = Session::spawn(60, 20, &[("CUECARD_DATA_DIR", data_dir)], "setsid", &args);
    session.wait_for("Grace Hopper");
    session.press("n");
    session.press("asked about the outage");
    session.wait_for("the outage");
    session.close_terminal();
    // `setsid` itself has the terminal and ends with it; cuecard, its child, must end on its own
    // within a second or so, having saved.
    let marker = format!("CUECARD_DATA_DIR={data_dir}");
    let start = Instant::now();
    while running_with(&marker) && start.elapsed() < Duration::from_secs(3) {
        thread::sleep(Duration::from_millis(50));
    }
    assert!(
        !running_with(&marker),
        "cuecard kept running without its terminal"
    );
    let saved = session_file(data.path());
    assert!(saved.contains("asked about the outage"), "{saved}");
}

/// Whether a process with `variable` (`NAME=value`) in its environment is running.
fn running_with(variable: &str) -> bool {
    let Ok(processes) = fs::read_dir("/proc") else {
        return false;
    };
    processes.filter_map(Result::ok).any(|p| {
        let alive =
            fs::read_to_string(p.path().join("stat")).is_ok_and(|stat| !stat.contains(") Z "));
        alive
            && fs::read(p.path().join("environ"))
                .is_ok_and(|env| env.split(|b| *b == 0).any(|v| v == variable.as_bytes()))
    })
}

#[test]
fn sigterm_while_saves_fail_writes_a_recovery_file_and_says_where() {
    let home = TempDir::new().unwrap();
    let data = home.path().join("data");
    fs::create_dir(&data).unwrap();
    // Sessions cannot be written: a file stands where their directory goes.
    fs::write(data.join("sessions"), "in the way").unwrap();
    let tmp = home.path().join("tmp");
    fs::create_dir(&tmp).unwrap();
    let env = [
        ("CUECARD_DATA_DIR", data.to_str().unwrap()),
        ("TMPDIR", tmp.to_str().unwrap()),
    ];
    let args = ["interview", "--candidate", "Ada Lovelace"];
    let mut session = Session::start_with_args(80, 24, &env, &args);
    session.wait_for("Ada Lovelace");
    session.press("n");
    session.press("the only copy of this line");
    session.wait_for("this line");
    kill(&session, "-TERM");
    let status = session.wait_exit();
    assert!(!status.success(), "exit 0 although the work was not saved");
    session.assert_restored();
    let recovery: Vec<_> = fs::read_dir(&tmp)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(recovery.len(), 1, "{recovery:?}");
    let text = fs::read_to_string(&recovery[0]).unwrap();
    assert!(text.contains("the only copy of this line"), "{text}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&recovery[0]).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let output = String::from_utf8_lossy(&session.output.lock().unwrap()).into_owned();
    let name = recovery[0]
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert!(output.contains(&name), "the path is not said: {output:?}");
}

#[test]
fn rehearse_a_card_grade_it_and_the_schedule_file_records_it() {
    let data = TempDir::new().unwrap();
    let data_dir = data.path().to_str().unwrap();
    // The interview in three days: nothing may be scheduled after the day before it.
    let until = chrono::Local::now().date_naive() + chrono::Duration::days(3);
    let until_arg = until.to_string();
    let mut session = Session::start_with_args(
        80,
        24,
        &[("CUECARD_DATA_DIR", data_dir)],
        &[
            "rehearse",
            "--competency",
            "customer-interaction",
            "--level",
            "3",
            "--until",
            &until_arg,
        ],
    );
    // Seven new questions over the three days left: three today.
    session.wait_for("Rehearsal 1 of 3 · Customer Interaction · L2–L4");
    session.wait_for("answer aloud, then Space");
    session.press(" ");
    session.wait_for("What a strong answer covers");
    // Each grade says when it brings the question back.
    session.wait_for("4 Easy");
    session.press("4");
    session.wait_for("2 of");
    session.press("\x1b");
    session.wait_for("Competencies");
    session.press("q");
    assert!(session.wait_exit().success());
    session.assert_restored();
    let schedule = fs::read_to_string(data.path().join("reviews.toml")).unwrap();
    assert!(
        schedule
            .contains("[questions.\"customer-support/customer-interaction/difficult-customer\"]"),
        "{schedule}"
    );
    assert!(schedule.contains("grade = \"easy\""), "{schedule}");
    let parsed: toml::Table = schedule.parse().unwrap();
    let record = &parsed["questions"]["customer-support/customer-interaction/difficult-customer"];
    let due = record["due"].as_str().unwrap();
    let due: chrono::DateTime<chrono::Utc> = due.parse().unwrap();
    let latest = (until - chrono::Duration::days(1))
        .and_hms_opt(0, 0, 0)
        .unwrap()
        .and_utc();
    assert!(due <= latest, "due {due}, the interview on {until}");
    // The date and the level are remembered for the next rehearsal.
    let settings = fs::read_to_string(data.path().join("settings.toml")).unwrap();
    assert!(
        settings.contains(&format!("interview_date = {until}")),
        "{settings}"
    );
    assert!(settings.contains("customer-support = 3"), "{settings}");
}

#[test]
fn rehearse_with_an_unknown_competency_says_so_and_exits_2() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_cuecard"))
        .args(["rehearse", "--competency", "no-such-thing"])
        .env("CUECARD_CACHE_DIR", "")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("no framework or competency no-such-thing"),
        "{stderr}"
    );
}

#[cfg(unix)]
#[test]
fn e_edits_the_note_in_the_users_editor_and_reads_it_back() {
    use std::os::unix::fs::PermissionsExt;
    let data = TempDir::new().unwrap();
    let editor = data.path().join("editor.sh");
    fs::write(
        &editor,
        "#!/bin/sh\nprintf 'Written in my own editor.\\n' >> \"$1\"\n",
    )
    .unwrap();
    fs::set_permissions(&editor, fs::Permissions::from_mode(0o700)).unwrap();
    let data_dir = data.path().join("data");
    let mut session = Session::start(
        100,
        30,
        &[
            ("CUECARD_DATA_DIR", data_dir.to_str().unwrap()),
            ("VISUAL", editor.to_str().unwrap()),
        ],
    );
    session.wait_for("Customer Interaction");
    session.press("\r");
    session.press("\r");
    session.wait_for("Question 1 of");
    session.press("E");
    session.wait_for("Written in my own editor.");
    assert!(session.parser.lock().unwrap().screen().alternate_screen());
    session.press("q");
    assert!(session.wait_exit().success());
    session.assert_restored();
    let note = first_note(&data_dir);
    let text = fs::read_to_string(&note).unwrap();
    // The new note started from the outline, created private before the editor ran.
    assert!(text.starts_with("## Situation"), "{text:?}");
    assert!(text.ends_with("Written in my own editor.\n"), "{text:?}");
    let mode = fs::metadata(&note).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
}

#[test]
fn an_interview_at_60x20_two_questions_noted_rated_and_exported() {
    let data = TempDir::new().unwrap();
    let data_dir = data.path().to_str().unwrap();
    let mut session = Session::start_with_args(
        60,
        20,
        &[("CUECARD_DATA_DIR", data_dir)],
        &[
            "interview",
            "--candidate",
            "Jane Doe",
            "--role",
            "Support lead",
            "--level",
            "3",
            "--competency",
            "customer-interaction",
            "--minutes",
            "30",
        ],
    );
    session.wait_for("Jane Doe · question 1 of");
    session.wait_for("Ready? Space starts the clock");
    session.press(" ");
    session.wait_for("of 30:00");
    // The first question: two key points, a note.
    session.press("1");
    session.press("3");
    session.wait_for("2 of 6 covered");
    session.press("n");
    session.press("Calm under pressure");
    session.press("\r");
    session.wait_for("Noted at minute 0.");
    // The second question, a note.
    session.press("]");
    session.wait_for("question 2 of");
    session.press("n");
    session.press("Clear channel choices");
    session.press("\r");
    session.wait_for("Noted at minute 0.");
    // Rate, recommend, write the scorecard.
    session.press("R");
    session.wait_for("Ratings · Jane Doe");
    session.press("3");
    session.wait_for("Customer Interaction: 3");
    session.press("e");
    session.press("Owned the outcome");
    session.press("\r");
    session.press("oooo");
    session.wait_for("Recommendation: yes");
    session.press("\x1b");
    session.press("x");
    session.wait_for("Scorecard written");
    // A stray q does not end an interview; Ctrl-C does (saving first).
    session.press("q");
    session.wait_for("Jane Doe · question 2 of");
    session.press("\x03");
    assert!(session.wait_exit().success());
    session.assert_restored();

    let sessions = data.path().join("sessions");
    let card_path = fs::read_dir(&sessions)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.to_string_lossy().ends_with(".scorecard.md"))
        .expect("a scorecard beside the session");
    let card = fs::read_to_string(&card_path).unwrap();
    for expected in [
        "# Scorecard: Jane Doe",
        "Customer Interaction: 3 of 4 · Extensive experience",
        "Owned the outcome",
        "Calm under pressure",
        "Clear channel choices",
        "Recommendation: **yes**",
    ] {
        assert!(
            card.contains(expected),
            "{expected:?} missing from:\n{card}"
        );
    }
    // The same from the shell.
    let exported = std::process::Command::new(env!("CARGO_BIN_EXE_cuecard"))
        .args(["export", "jane", "--format", "json", "--data-dir", data_dir])
        .env("CUECARD_CACHE_DIR", "")
        .output()
        .unwrap();
    assert!(exported.status.success());
    let json: serde_json::Value = serde_json::from_slice(&exported.stdout).unwrap();
    assert_eq!(json["ratings"][0]["level"], 3);
    assert_eq!(json["questions"].as_array().unwrap().len(), 2);
}

/// An interviewer's whole interview at 60×20, with the mistakes people make mid-call; what is on
/// disk is checked after each.
#[test]
fn a_whole_interview_at_60x20_survives_the_usual_mistakes() {
    let data = TempDir::new().unwrap();
    let data_dir = data.path().to_str().unwrap();
    let env = [("CUECARD_DATA_DIR", data_dir)];
    let args = [
        "interview",
        "--candidate",
        "Ada Lovelace",
        "--competency",
        "customer-interaction",
        "--level",
        "3",
        "--minutes",
        "30",
        "--interviewer",
        "Grace Hopper",
    ];
    let mut session = Session::start_with_args(60, 20, &env, &args);
    session.wait_for("Ready? Space starts the clock");
    session.press(" ");
    session.wait_for("of 30:00");
    // Help, then q: still running.
    session.press("?");
    session.wait_for("Interview: live view");
    session.press("q");
    session.wait_for("Ctrl-C quits");
    session.press("\x1b");
    // A tick and a note; Esc halfway through a second note keeps it as a draft.
    session.press("1");
    session.wait_for("1 of 6 covered");
    session.press("n");
    session.press("Refund dispute, calm");
    session.press("\r");
    session.wait_for("Noted at minute 0.");
    session.press("n");
    session.press("second thou");
    session.press("\x1b");
    session.wait_for("Draft kept");
    let saved = session_file(data.path());
    assert!(saved.contains("Refund dispute, calm"), "{saved}");
    assert!(saved.contains("draft = \"second thou\""), "{saved}");
    assert!(saved.contains("interviewer = \"Grace Hopper\""), "{saved}");
    // Esc to the browser, then q: still running, and the footer says so.
    session.press("\x1b");
    session.wait_for("● interview: Ada Lovelace");
    session.press("q");
    session.wait_for("Ctrl-C quits");
    session.press("i");
    session.wait_for("question 1 of");
    // The next question; the terminal closes mid-note.
    session.press("]");
    session.wait_for("question 2 of");
    thread::sleep(Duration::from_millis(1100));
    session.press("n");
    session.press("half typed when the lid cl");
    session.wait_for("lid cl");
    session.close_terminal();
    assert!(exits_within(&mut session, Duration::from_secs(3)).is_some());
    let saved = session_file(data.path());
    assert!(saved.contains("half typed when the lid cl"), "{saved}");
    assert!(saved.contains("current = 1"), "{saved}");
    // Resumed: on the question that was on screen, its clock waiting.
    let id = fs::read_dir(data.path().join("sessions"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "toml"))
        .and_then(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .unwrap();
    let mut again =
        Session::start_with_args(60, 20, &env, &["interview", "--resume", "ada lovelace"]);
    again.wait_for("question 2 of");
    again.wait_for("Space resumes");
    again.wait_for("more: key points");
    again.press("G");
    again.wait_for("half typed when the lid cl");
    // Rate, end, write the scorecard, quit.
    again.press("R");
    again.wait_for("Ratings · Ada Lovelace");
    again.press("3");
    again.press("\x1b");
    again.press("E");
    // The line half typed when the terminal closed is a draft, as Esc would keep it.
    again.wait_for("End? 2 drafts not noted");
    again.press("\r");
    again.wait_for("Interview ended");
    again.press("x");
    again.wait_for("Scorecard written");
    again.press("\x03");
    assert!(again.wait_exit().success());
    again.assert_restored();
    let card = fs::read_to_string(
        data.path()
            .join("sessions")
            .join(format!("{id}.scorecard.md")),
    )
    .unwrap();
    for expected in [
        "- Interviewer: Grace Hopper",
        "Customer Interaction: 3 of 4",
        "Refund dispute, calm",
        "half typed when the lid cl",
        "draft, not finished: second thou",
    ] {
        assert!(card.contains(expected), "{expected} not in {card}");
    }
}

#[test]
fn a_note_line_typed_steadily_and_the_running_clock_are_on_disk_before_a_kill() {
    let data = TempDir::new().unwrap();
    let data_dir = data.path().to_str().unwrap();
    let args = ["interview", "--candidate", "Ada Lovelace"];
    let mut session = Session::start_with_args(60, 20, &[("CUECARD_DATA_DIR", data_dir)], &args);
    session.wait_for("Ready? Space");
    session.press(" ");
    session.press("n");
    // One key every 0.3 s, no Enter, no pause.
    let typed = "listens first then acts";
    session.type_steadily(typed, Duration::from_millis(300));
    // Then no key at all for a while: the clock is still saved.
    thread::sleep(Duration::from_millis(5500));
    kill(&session, "-KILL");
    let _ = session.wait_exit();
    let saved = session_file(data.path());
    let kept = longest_prefix_kept(typed, |prefix| {
        saved.contains(&format!("draft = \"{prefix}"))
    });
    assert!(kept >= typed.len() - 4, "only {kept} keys saved: {saved}");
    let elapsed: u64 = saved
        .lines()
        .find_map(|l| l.strip_prefix("elapsed = "))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0);
    assert!(elapsed >= 7, "the clock on disk: {elapsed} s of about 12");
}

/// Issue 12's first defect, with real processes: two cuecards open on one note, a word typed into
/// each at the same instant, both saving it: both words survive, in the note or a conflict copy
/// beside it, and neither cuecard says "saved" over a lost text.
#[test]
fn two_cuecards_saving_one_note_at_the_same_instant_keep_both_texts() {
    let data = TempDir::new().unwrap();
    let data_dir = data.path().to_str().unwrap();
    for round in 0..3 {
        let mut sessions: Vec<Session> = (0..2)
            .map(|_| Session::start(100, 30, &[("CUECARD_DATA_DIR", data_dir)]))
            .collect();
        for session in &mut sessions {
            session.wait_for("Customer Interaction");
            session.press("\r");
            session.press("\r");
            session.press("n");
            session.wait_for("Note ·");
        }
        let words = [format!("alpha{round}"), format!("bravo{round}")];
        // The same instant: one write to each, back to back.
        for (session, word) in sessions.iter_mut().zip(&words) {
            session.writer.write_all(word.as_bytes()).unwrap();
        }
        for session in &mut sessions {
            session.writer.flush().unwrap();
        }
        for (session, word) in sessions.iter().zip(&words) {
            session.wait_for(word);
            session.wait_for("Note · saved");
        }
        for session in &mut sessions {
            session.press("\x03");
            assert!(session.wait_exit().success());
        }
        let dir = first_note(data.path()).parent().unwrap().to_path_buf();
        let texts: Vec<String> = fs::read_dir(&dir)
            .unwrap()
            .filter_map(|entry| fs::read_to_string(entry.unwrap().path()).ok())
            .collect();
        for word in &words {
            assert!(
                texts.iter().any(|text| text.contains(word.as_str())),
                "round {round}: {word} is lost: {texts:?}"
            );
        }
    }
}

/// Two rehearsals on one history grading at the same instant (each its own question): both grades
/// are in `reviews.toml` afterwards.
#[test]
fn two_rehearsals_grading_at_the_same_instant_keep_both_grades() {
    let data = TempDir::new().unwrap();
    let data_dir = data.path().to_str().unwrap();
    for round in 0..3 {
        let args = ["rehearse", "--competency", "customer-interaction"];
        let mut sessions: Vec<Session> = (0..2)
            .map(|_| Session::start_with_args(100, 30, &[("CUECARD_DATA_DIR", data_dir)], &args))
            .collect();
        for session in &sessions {
            session.wait_for("answer aloud, then Space");
        }
        // The second skips to another card, so that each grades its own question.
        sessions[1].press("s");
        for session in &mut sessions {
            session.press(" ");
            session.wait_for("4 Easy");
        }
        for session in &mut sessions {
            session.writer.write_all(b"3").unwrap();
        }
        for session in &mut sessions {
            session.writer.flush().unwrap();
        }
        for session in &mut sessions {
            session.press("\x03");
            assert!(session.wait_exit().success());
        }
        let text = fs::read_to_string(data.path().join("reviews.toml")).unwrap();
        let history: toml::Table = text.parse().unwrap();
        let grades: usize = history["questions"]
            .as_table()
            .unwrap()
            .values()
            .map(|q| q["history"].as_array().map_or(0, Vec::len))
            .sum();
        assert_eq!(grades, 2 * (round + 1), "round {round}: {text}");
    }
}

#[test]
fn a_question_of_ones_own_typed_in_a_narrow_pane_is_saved_and_shown() {
    let mut session = Session::start(60, 20, &[]);
    session.wait_for("Competencies");
    session.press("a");
    session.wait_for("Add a question");
    session.type_steadily(
        "Tell me about a caller who kept talking over you.",
        Duration::ZERO,
    );
    // Tab to the level (pre-filled: a digit replaces it), then to the key points.
    session.press("\t");
    session.press("2");
    session.press("\t\t");
    session.type_steadily("Lets the caller finish", Duration::ZERO);
    session.press("\r");
    session.type_steadily("Summarises, then answers", Duration::ZERO);
    session.wait_for("Summarises, then answers");
    // C-s saves.
    session.press("\x13");
    session.wait_for("Question added in");
    let file = session
        ._home
        .path()
        .join("cuecard/content/customer-support/customer-interaction.toml");
    let text = fs::read_to_string(&file).unwrap();
    assert!(
        text.contains("Tell me about a caller who kept talking over you."),
        "{text}"
    );
    assert!(text.contains("level = 2"), "{text}");
    assert!(
        text.contains("\"Lets the caller finish\", \"Summarises, then answers\""),
        "{text}"
    );
    session.press("\t\t");
    session.wait_for("kept talking over you");
    session.press("q");
    assert!(session.wait_exit().success());
    session.assert_restored();
}

#[test]
fn a_story_linked_to_a_question_shows_on_reveal() {
    let mut session = Session::start(80, 24, &[]);
    // The story is written where cuecard keeps them, as `cuecard stories add` or an editor would.
    let data = session._home.path().join(".local/share/cuecard/stories");
    fs::create_dir_all(&data).unwrap();
    fs::write(
        data.join("double-bill.md"),
        "+++\ntitle = \"The double-billed customer\"\nsummary = \"Refunded the same day.\"\n\n[[competencies]]\nid = \"customer-support/customer-interaction\"\nlevel = 3\n+++\n\n## Action\nI let him finish and refunded the charge.\n",
    )
    .unwrap();
    session.wait_for("Competencies");
    session.press("\t\t");
    session.press("L");
    session.wait_for("Which story answers it?");
    session.press("\r");
    session.wait_for("answers this question now");
    session.press("\r");
    session.press(" ");
    session.wait_for("Your story · The double-billed customer");
    session.wait_for("It covers");
    session.press("q");
    assert!(session.wait_exit().success());
    session.assert_restored();
}

/// A mock interview's session files under `data`.
fn mock_sessions(data: &std::path::Path) -> Vec<String> {
    let mut files: Vec<String> = fs::read_dir(data.join("sessions"))
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.contains("-mock") && n.ends_with(".toml"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

#[test]
fn a_mock_interview_of_three_questions_end_to_end() {
    let data = TempDir::new().unwrap();
    let dir = data.path().to_str().unwrap();
    let mut session = Session::start_with_args(
        60,
        20,
        &[("CUECARD_DATA_DIR", dir)],
        &["mock", "--count", "3", "--seed", "7", "--level", "2"],
    );
    session.wait_for("you (mock interview) · question 1 of 3");
    session.wait_for("The key points and the");
    assert!(
        !session.screen().contains("Key points ·"),
        "hidden while answering"
    );
    session.press(" ");
    session.press("1");
    session.wait_for("The key points stay hidden while you answer");
    session.press("n");
    session.press("Refund first, then why");
    session.press("\r");
    session.wait_for("Noted at minute 0.");
    session.press("]");
    session.wait_for("question 2 of 3");
    session.press("]");
    session.wait_for("question 3 of 3");
    session.press("E");
    session.press("\r");
    // The self-review: the key points show, and the levels' anchors to rate on.
    session.wait_for("Key points · 0 of");
    session.press("R");
    session.wait_for("Ratings · you (mock interview)");
    session.press("2");
    session.press("\x1b");
    session.press("\x03");
    assert!(session.wait_exit().success());
    session.assert_restored();
    let files = mock_sessions(data.path());
    assert_eq!(files.len(), 1, "{files:?}");
    let text = fs::read_to_string(data.path().join("sessions").join(&files[0])).unwrap();
    assert!(text.starts_with("kind = \"mock\""), "{text}");
    assert_eq!(text.matches("[[questions]]").count(), 3, "{text}");
    assert!(text.contains("Refund first, then why"), "{text}");
    assert!(text.contains("level = 2"), "{text}");
    // Listed with the interviews, exportable.
    let listed = std::process::Command::new(env!("CARGO_BIN_EXE_cuecard"))
        .args(["--data-dir", dir, "sessions"])
        .env("CUECARD_CACHE_DIR", "")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&listed.stdout).contains("you (mock interview)"));
}

/// The foreground colours drawn on screen, each once.
fn colours_on_screen(session: &Session, rows: u16, cols: u16) -> Vec<vt100::Color> {
    let parser = session.parser.lock().unwrap();
    let screen = parser.screen();
    let mut colours: Vec<vt100::Color> = Vec::new();
    for r in 0..rows {
        for c in 0..cols {
            let colour = screen.cell(r, c).unwrap().fgcolor();
            if colour != vt100::Color::Default && !colours.contains(&colour) {
                colours.push(colour);
            }
        }
    }
    colours
}

#[test]
fn the_light_theme_and_a_colour_of_ones_own_are_drawn_and_a_wrong_one_is_said() {
    let data = TempDir::new().unwrap();
    let dir = data.path().to_str().unwrap();
    fs::write(
        data.path().join("settings.toml"),
        "[theme]\nname = \"light\"\n",
    )
    .unwrap();
    let mut light = Session::start(80, 24, &[("CUECARD_DATA_DIR", dir)]);
    light.wait_for("Competencies");
    light.wait_for("help");
    let colours = colours_on_screen(&light, 24, 80);
    assert!(
        colours.contains(&vt100::Color::Idx(4)),
        "blue accents: {colours:?}"
    );
    assert!(
        !colours.contains(&vt100::Color::Idx(6)),
        "no cyan: {colours:?}"
    );
    light.press("q");
    light.wait_exit();

    fs::write(
        data.path().join("settings.toml"),
        "[theme]\naccent = \"#ff8800\"\nwarning = \"amber\"\n",
    )
    .unwrap();
    let mut own = Session::start(80, 24, &[("CUECARD_DATA_DIR", dir)]);
    own.wait_for("[theme] warning = \"amber\" is no colour");
    let colours = colours_on_screen(&own, 24, 80);
    assert!(
        colours.contains(&vt100::Color::Rgb(0xff, 0x88, 0x00)),
        "{colours:?}"
    );
    own.press("q");
    assert!(own.wait_exit().success());
    own.assert_restored();
}

#[test]
fn a_key_of_ones_own_quits_and_the_footer_says_it() {
    let data = TempDir::new().unwrap();
    let dir = data.path().to_str().unwrap();
    fs::write(
        data.path().join("settings.toml"),
        "[keys.browser]\nquit = \"Q\"\n",
    )
    .unwrap();
    let mut session = Session::start(100, 30, &[("CUECARD_DATA_DIR", dir)]);
    session.wait_for("Competencies");
    session.wait_for("Q quit");
    // The old key no longer quits in the browser.
    session.press("q");
    thread::sleep(Duration::from_millis(300));
    assert!(session.screen().contains("Competencies"), "still open");
    session.press("Q");
    assert!(session.wait_exit().success());
    session.assert_restored();
}

#[test]
fn an_interview_starts_from_a_kit_with_its_questions_in_order() {
    let data = TempDir::new().unwrap();
    let team = data.path().join("team/kits");
    fs::create_dir_all(&team).unwrap();
    fs::write(
        team.join("onsite.toml"),
        "name = \"Onsite\"\nrole = \"Support lead\"\nlevel = 3\nminutes = 20\ncompetencies = [\"customer-support/customer-interaction\"]\nquestions = [\"customer-support/customer-interaction/difficult-customer\", \"customer-support/customer-interaction/gone\"]\n",
    )
    .unwrap();
    let dir = data.path().to_str().unwrap();
    let team_dir = data.path().join("team").display().to_string();
    let mut session = Session::start_with_args(
        60,
        20,
        &[("CUECARD_DATA_DIR", dir), ("CUECARD_TEAM_DIR", &team_dir)],
        &["interview", "--kit", "onsite", "--candidate", "Sam"],
    );
    session.wait_for("Sam · question 1 of 1");
    session.wait_for("20:00 budget");
    session.press("\x03");
    assert!(session.wait_exit().success());
    session.assert_restored();
}

#[test]
fn an_interviewer_submits_in_a_narrow_pane_and_reads_the_debrief() {
    let data = TempDir::new().unwrap();
    let team = data.path().join("team");
    // A colleague submitted first (the fixture's Ada).
    let jane = team.join("scorecards/jane-doe");
    fs::create_dir_all(&jane).unwrap();
    let ada = "20261120-1000-jane-doe-ada.json";
    fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/team/scorecards/jane-doe")
            .join(ada),
        jane.join(ada),
    )
    .unwrap();
    fs::write(data.path().join("settings.toml"), "interviewer = \"Dee\"\n").unwrap();
    let dir = data.path().to_str().unwrap();
    let team_dir = team.display().to_string();
    let mut session = Session::start_with_args(
        60,
        20,
        &[("CUECARD_DATA_DIR", dir), ("CUECARD_TEAM_DIR", &team_dir)],
        &[
            "interview",
            "--candidate",
            "Jane Doe",
            "--level",
            "3",
            "--competency",
            "customer-interaction",
        ],
    );
    session.wait_for("Jane Doe · question 1");
    // Hidden before: D says so and shows no colleague.
    session.press("R");
    session.wait_for("Ratings · Jane Doe");
    session.press("D");
    session.wait_for("hidden until you submit");
    session.press("\x1b");
    session.press("3");
    session.press("x");
    session.wait_for("Submit to the panel?");
    // A stray q is not a yes, and does not quit.
    session.press("q");
    session.wait_for("Not submitted");
    session.press("x");
    session.wait_for("Submit to the panel?");
    session.press("\r");
    session.wait_for("submitted v1 · locked");
    session.press("D");
    session.wait_for("Debrief · Jane Doe");
    session.wait_for("Ada  3 · Extensive experience");
    session.press("\x1b");
    session.press("\x1b");
    session.press("\x03");
    assert!(session.wait_exit().success());
    session.assert_restored();
    let files: Vec<String> = fs::read_dir(&jane)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(files.iter().any(|f| f.ends_with("-dee.json")), "{files:?}");
}
