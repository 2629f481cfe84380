use super::*;
use crate::model::{AlternativeId, VoteSubject, VoteTarget};

fn question(named: bool) -> Question {
    let a = |n| VoteTarget::Alternative(AlternativeId(n));
    Question {
        text: "?".into(),
        kind: RoundKind::Points,
        subject: VoteSubject::Alternatives,
        dots_each: 3,
        items: vec![(a(1), "One".into()), (a(2), "Two".into())],
        criteria: Vec::new(),
        named,
    }
}

fn id(n: u8) -> ParticipantId {
    ParticipantId(format!("{n:032x}"))
}

#[test]
fn answers_stay_hidden_counted_and_replaceable_until_the_round_closes() {
    let mut room = RoomState::new(question(true));
    room.join(id(1), "  Anna\u{7}  ").unwrap();
    room.join(id(2), "Anna").unwrap();
    assert_eq!(room.participant(&id(1)).unwrap().name, "Anna");
    assert_eq!(room.participant(&id(2)).unwrap().name, "Anna (2)");
    assert_eq!(
        room.join(id(3), "   ").unwrap_err(),
        RoomError::Name("please give your name".into())
    );
    room.answer(&id(1), br#"{"points": {"A1": 100}}"#).unwrap();
    let refused = room
        .answer(&id(2), br#"{"points": {"A1": 90}}"#)
        .unwrap_err();
    assert_eq!(refused.status(), 422);
    assert_eq!(room.answer(&id(2), b"{").unwrap_err().status(), 400);
    assert_eq!(
        room.answer(&id(9), br#"{"points": {"A1": 100}}"#)
            .unwrap_err(),
        RoomError::UnknownParticipant
    );
    assert_eq!(
        room.progress(),
        Progress {
            joined: 2,
            answered: 1,
            phase: Phase::Open
        }
    );
    // Changing one's mind replaces the answer.
    room.answer(&id(1), br#"{"points": {"A1": 30, "A2": 70}}"#)
        .unwrap();
    assert_eq!(room.answers().len(), 1);
    assert!(room.reveal().is_some());
    assert!(room.reveal().is_none(), "once");
    room.answer(&id(2), br#"{"points": {"A2": 100}}"#).unwrap();
    assert!(room.close().is_some());
    assert_eq!(
        room.answer(&id(2), br#"{"points": {"A1": 100}}"#)
            .unwrap_err(),
        RoomError::Closed
    );
    assert_eq!(room.join(id(5), "Late").unwrap_err().status(), 409);
    let names: Vec<String> = room.answers().into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["Anna", "Anna (2)"]);
}

#[test]
fn anonymous_rounds_number_their_participants() {
    let mut room = RoomState::new(question(false));
    room.join(id(1), "Anna").unwrap();
    room.join(id(2), "").unwrap();
    assert_eq!(room.participant(&id(1)).unwrap().name, "Participant 1");
    assert_eq!(room.participant(&id(2)).unwrap().name, "Participant 2");
}

#[test]
fn replaying_the_journal_gives_the_same_room_back() {
    let mut room = RoomState::new(question(true));
    let mut events = vec![
        room.join(id(1), "Anna").unwrap(),
        room.join(id(2), "Ben").unwrap(),
    ];
    events.push(room.answer(&id(1), br#"{"points": {"A1": 100}}"#).unwrap());
    events.push(room.answer(&id(2), br#"{"points": {"A2": 100}}"#).unwrap());
    events.push(
        room.answer(&id(1), br#"{"points": {"A1": 50, "A2": 50}}"#)
            .unwrap(),
    );
    events.extend(room.reveal());
    let lines: Vec<String> = events
        .iter()
        .map(|e| serde_json::to_string(e).unwrap())
        .collect();
    let mut again = RoomState::new(question(true));
    for line in &lines {
        let event: Event = serde_json::from_str(line).unwrap();
        assert!(again.replay(&event), "{line}");
    }
    assert_eq!(again.answers(), room.answers());
    assert_eq!(again.progress(), room.progress());
    // A journaled answer the question no longer accepts is skipped.
    let stale = Event::Answered {
        id: id(2),
        answer: serde_json::json!({"points": {"A7": 100}}),
    };
    assert!(!again.replay(&stale));
}

#[test]
fn names_are_cleaned_and_cut_to_sixty_characters() {
    assert_eq!(clean_name("\tA\nB "), "A B");
    assert_eq!(clean_name(&"x".repeat(100)).chars().count(), 60);
}

#[test]
fn ids_are_32_hex_digits() {
    assert!(ParticipantId::is_well_formed(&id(7).0));
    assert!(!ParticipantId::is_well_formed(
        "ABCDEF0123456789abcdef0123456789"
    ));
    assert!(!ParticipantId::is_well_formed("../../etc/passwd"));
    let token = super::super::random_hex().unwrap();
    assert!(ParticipantId::is_well_formed(&token));
}
