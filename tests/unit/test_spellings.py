"""The name matcher: real-world spellings of one name across scripts, and look-alikes."""

from __future__ import annotations

import pytest

from contactkeeper.records import spellings

# (one spelling, another, the same person?)
SAME = True
OTHER = False
TABLE: list[tuple[str, str, bool]] = [
    # Arabic names in Latin transliterations and in Arabic script
    ("Mohamed Abbas", "Muhammad Abbas", SAME),
    ("Mohammed Abbas", "Muhammad Abbas", SAME),
    ("محمد عباس", "Muhammad Abbas", SAME),
    ("محمد عباس", "Mohamed Abbas", SAME),
    ("Mohamed", "محمد", SAME),
    ("Abdel Rahman", "Abd al-Rahman", SAME),
    ("Abdulrahman", "عبد الرحمن", SAME),
    ("Abdurrahman", "Abdel Rahman", SAME),
    ("عبدالرحمن", "عبد الرحمن", SAME),
    ("Omar Farouk", "Umar Faruq", SAME),
    ("عمر فاروق", "Omar Farouk", SAME),
    ("Hassan Qadri", "Hasan Kadri", SAME),
    ("حسن قادري", "Hasan Kadri", SAME),
    ("al-Khatib", "الخطيب", SAME),
    ("El Khatib", "al-Khatib", SAME),
    ("ElKhatib", "Khatib", SAME),
    ("خطيب", "الخطيب", SAME),
    ("Yusuf", "Youssef", SAME),
    ("Yousef", "يوسف", SAME),
    ("Youssef Haddad", "Yusuf Haddad", SAME),
    ("Abdullah", "Abd Allah", SAME),
    ("عبد الله", "Abdallah", SAME),
    ("Fatima", "Fatimah", SAME),
    ("فاطمة", "Fatma", SAME),
    ("Mustafa", "Moustafa", SAME),
    ("Zainab", "Zeinab", SAME),
    ("Zaynab", "زينب", SAME),
    ("Khaled Mansour", "Khalid Mansur", SAME),
    ("Tariq Aziz", "Tarek Aziz", SAME),
    ("Ibrahim", "إبراهيم", SAME),
    ("Said", "Saeed", SAME),
    ("Karim", "Kareem", SAME),
    ("Nour el-Din", "Nur al-Din", SAME),
    ("Nureddin", "Nour El-Din", SAME),
    ("Abbas Muhammad", "Muhammad Abbas", SAME),
    ("Talal Zuabi", "طلال الزعبي", SAME),  # neither word is in the list of names
    ("Ismail Haniyeh", "Ismael Haniya", SAME),
    # Persian
    ("Hossein", "Hosein", SAME),
    ("Hossein", "حسین", SAME),
    ("Hussein", "حسين", SAME),
    ("Husayn", "Hussain", SAME),
    ("Mohammad Javad", "محمدجواد", SAME),
    ("Mohammad Javad Zarif", "محمدجواد ظریف", SAME),
    ("Farhad", "فرهاد", SAME),
    ("Mahdi", "Mehdi", SAME),
    # Hebrew
    ("Yitzhak", "Yitzchak", SAME),
    ("Itzhak", "Yitzhak", SAME),
    ("יצחק", "Yitzhak", SAME),
    ("Moshe", "משה", SAME),
    ("אברהם", "Avraham", SAME),
    ("אברהמ", "אברהם", SAME),  # a final letter typed as the plain one
    ("יִצְחָק", "יצחק", SAME),  # with niqqud
    ("Yosef Cohen", "יוסף כהן", SAME),
    ("Shmuel Katz", "שמואל כץ", SAME),
    # Russian and Ukrainian
    ("Aleksandr", "Alexander", SAME),
    ("Александр", "Aleksandr", SAME),
    ("Olexandr", "Oleksandr", SAME),
    ("Олександр", "Oleksandr", SAME),
    ("Dmitri", "Dmitry", SAME),
    ("Дмитрий", "Dmitri", SAME),
    ("Sergei", "Sergey", SAME),
    ("Сергей", "Sergei", SAME),
    ("Serhiy", "Сергій", SAME),
    ("Sergei Ivanov", "Сергей Иванов", SAME),
    ("Fyodor", "Фёдор", SAME),
    ("Yulia Tymoshenko", "Юлия Тимошенко", SAME),
    ("Natalia Orlova", "Natalya Orlova", SAME),
    ("Yuri", "Yury", SAME),
    ("Mikhail Gorbachev", "Михаил Горбачёв", SAME),
    # Latin doubled letters and spacing
    ("Haddad", "Hadad", SAME),
    ("Nassar", "Nasar", SAME),
    ("Ben-David", "Ben David", SAME),
    # look-alikes that are other people
    ("Hassan", "Hussein", OTHER),
    ("حسن", "حسين", OTHER),
    ("Hassan", "حسين", OTHER),
    ("Ali", "Alia", OTHER),
    ("علي", "عليا", OTHER),
    ("Amir", "Amira", OTHER),
    ("أمير", "أميرة", OTHER),
    ("Said", "Saad", OTHER),
    ("سعيد", "سعد", OTHER),
    ("Karim", "Kareema", OTHER),
    ("Karim", "Karima", OTHER),
    ("Nadia", "Nadine", OTHER),
    ("Ivan", "Ivana", OTHER),
    ("Иван", "Ивана", OTHER),
    ("Yael", "Yoel", OTHER),
    ("יעל", "יואל", OTHER),
    ("Sara", "Zara", OTHER),
    ("Samir", "Samira", OTHER),
    ("Mohamed Abbas", "Mohamed Hassan", OTHER),
    ("Muhammad Abbas", "Mahmoud Abbas", OTHER),
    ("محمد عباس", "محمد حسن", OTHER),
    ("Omar Farouk", "Omar Khalil", OTHER),
    ("Sergei Ivanov", "Sergei Petrov", OTHER),
    ("Yitzhak Levi", "Yitzhak Cohen", OTHER),
    ("Ali", "Ali Hassan", OTHER),
    ("Dmitri Orlov", "Dmitri Volkov", OTHER),
    ("Layla Haddad", "Laila Nasser", OTHER),
    ("Hassan Qadri", "Hussein Qadri", OTHER),
]


def test_the_table_holds_at_least_sixty_real_world_pairs() -> None:
    assert len(TABLE) >= 60
    assert sum(1 for *_, same in TABLE if not same) >= 20


def test_at_least_95_percent_of_the_table_is_judged_right() -> None:
    wrong = [(a, b, same) for a, b, same in TABLE if spellings.same_person(a, b).same != same]
    assert len(wrong) <= len(TABLE) * 0.05, wrong


def test_no_look_alike_is_called_the_same_person() -> None:
    false_same = [(a, b) for a, b, same in TABLE if not same and spellings.same_person(a, b).same]
    assert false_same == []


@pytest.mark.parametrize(("a", "b", "same"), TABLE)
def test_the_verdict_does_not_depend_on_the_order_of_the_names(a: str, b: str, same: bool) -> None:
    assert spellings.same_person(a, b).same == spellings.same_person(b, a).same


def test_the_verdict_says_which_spellings_matched() -> None:
    verdict = spellings.same_person("Mohamed Abbas", "محمد عباس")
    assert verdict.same
    assert "Mohamed Abbas" in verdict.reason
    assert "محمد عباس" in verdict.reason
    assert "muhammad" in verdict.reason or "mohamed" in verdict.reason


def test_arabic_names_are_romanized_with_their_vowels() -> None:
    assert spellings.romanized("محمد عباس") == "muhammad abbas"
    assert spellings.romanized("عبدالرحمن") == "abd al-rahman"
    assert spellings.romanized("محمدجواد") == "muhammad javad"
    assert spellings.romanized("Дмитрий") == "dmitriy"


def test_the_key_folds_letter_forms_articles_and_spacing() -> None:
    assert spellings.name_key("الخطيب") == spellings.name_key("خطيب")
    assert spellings.name_key("عبد الرحمن") == spellings.name_key("عبدالرحمن")
    assert spellings.name_key("فاطمة") == spellings.name_key("فاطمه")
    assert spellings.name_key("مُحَمَّد") == spellings.name_key("محمد")
    assert spellings.name_key("أحمد") == spellings.name_key("احمد")
    assert spellings.name_key("Hassan al-Khatib") == spellings.name_key("Khatib, Hasan")
    assert spellings.name_key("Олександр") == spellings.name_key("Олександр")
    assert spellings.name_key("Hassan") != spellings.name_key("Hussein")


def test_names_of_several_scripts_score_from_0_to_100() -> None:
    close = spellings.same_person("Muhammad Abbas", "Mohamed Abbas").score
    far = spellings.same_person("Muhammad Abbas", "Layla Haddad").score
    assert 0 <= far < close <= 100
