from frontera_desk.settings import Settings


def test_settings_round_trip_and_defaults(tmp_path):
    path = tmp_path / "settings.json"
    assert Settings.load(path) == Settings()
    Settings(language="en", search_delay_ms=100).save(path)
    assert Settings.load(path) == Settings(language="en", search_delay_ms=100)


def test_bad_settings_fall_back_to_defaults(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text('{"language": "fr", "search_delay_ms": "slow", "unknown": 1}')
    assert Settings.load(path) == Settings()
    path.write_text("{not json")
    assert Settings.load(path) == Settings()
