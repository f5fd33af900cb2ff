"""The inputs as a remote cluster's workers get them: absolute paths, checked to be visible there first."""

from __future__ import annotations

import pytest

from timeline_app.core.batch.cluster.session import inputs_for
from timeline_app.errors import ClusterError


class _Cluster:
    """Stands in for a Client: Client.run answers for each worker; `blind` workers see no file."""

    def __init__(self, *blind: str) -> None:
        self.blind = blind
        self.runs = 0

    def run(self, function, *args):
        self.runs += 1
        answers = {"tcp://w1:1": function(*args)}
        answers.update({address: False for address in self.blind})
        return answers


def test_relative_paths_reach_the_workers_absolute_and_urls_as_given(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("x")
    monkeypatch.chdir(tmp_path)
    chunks = [["a.txt", "https://example.org/b"], ["sub/c.txt"]]
    cluster = _Cluster()
    assert list(inputs_for(cluster, "tcp://s:8786", iter(chunks))) == \
        [[str(tmp_path / "a.txt"), "https://example.org/b"], [str(tmp_path / "sub" / "c.txt")]]
    assert cluster.runs == 1


def test_a_worker_that_cannot_see_the_inputs_stops_the_run_before_any_task(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    with pytest.raises(ClusterError) as caught:
        inputs_for(_Cluster("tcp://w2:1"), "tcp://s:8786", iter([[str(tmp_path / "a.txt")]]))
    assert str(caught.value).startswith(f"The Dask workers cannot see {tmp_path / 'a.txt'} (worker tcp://w2:1)")
    assert "same path" in str(caught.value)


def test_an_input_missing_here_too_is_left_to_the_reader(tmp_path):
    cluster = _Cluster("tcp://w2:1")
    missing = str(tmp_path / "nowhere.txt")
    assert list(inputs_for(cluster, "tcp://s:8786", iter([[missing]]))) == [[missing]]
    assert cluster.runs == 0


def test_a_local_cluster_gets_the_paths_as_given(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    cluster = _Cluster("tcp://w2:1")
    assert list(inputs_for(cluster, "local", iter([["a.txt"]]))) == [["a.txt"]]
    assert cluster.runs == 0
