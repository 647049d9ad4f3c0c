"""One desk of the concurrency test: delivers supports (each gets a folio), pays under an
agreement (dated last month, which a supervisor closes meanwhile), and edits a person everyone
edits, as fast as it can, interleaved. Prints one line per outcome after its transaction
committed (or was refused). ``close`` as the desk's name: wait a moment, then close the month."""

import sys
import time
from datetime import date

from frontera_desk.db import open_database
from frontera_desk.domain.errors import ConflictError, FronteraError, OverrideRequired
from frontera_desk.paths import resolve
from frontera_desk.services import agreements, evidence, months, people, supports
from frontera_desk.services.agreements import DisbursementInput
from frontera_desk.services.permissions import actor_for


def main() -> None:
    folder, url, name, person_id, agreement_id, paid_on, *support_ids = sys.argv[1:]
    app_paths = resolve(folder, database_url=url or None)
    db = open_database(app_paths.database_url or app_paths.database, app_paths.backup_dir)
    with db.read() as session:
        worker, boss = actor_for(session, 2), actor_for(session, 3)  # ana, sofia
    if name == "close":
        time.sleep(float(person_id))
        day = date.fromisoformat(paid_on)
        with db.write() as session:
            months.close_month(session, boss, day.year, day.month)
        print("month-closed", flush=True)
        return
    for n, support_id in enumerate(support_ids):
        with db.write() as session:
            evidence.receive_all(session, worker, int(support_id))
            print("folio", supports.deliver_support(session, worker, int(support_id)).folio,
                  flush=True)  # fmt: skip
        if n % 2 == 0:
            try:
                with db.write() as session:
                    payment = DisbursementInput(date.fromisoformat(paid_on), 50_000,
                                                f"Pago {name}-{n}", f"R-{name}-{n}")  # fmt: skip
                    agreements.add_disbursement(session, boss, int(agreement_id), payment)
                print("paid", flush=True)
            except OverrideRequired:  # beyond the balance
                print("refused", flush=True)
            except FronteraError as error:  # its month was closed meanwhile
                assert "cerrado" in error.message, error.message
                print("closed", flush=True)
        if n % 4 == 0:
            while True:  # what a caseworker does when told: reopen, redo the change, save
                with db.read() as session:
                    current = people.get_person(session, int(person_id))
                data = current.as_input()
                data.notes = f"{current.notes} {name}-{n}".strip()
                try:
                    with db.write() as session:
                        people.update_person(session, worker, current.id, data,
                                             expected_version=current.version)  # fmt: skip
                    print("edited", flush=True)
                    break
                except ConflictError:
                    print("conflict", flush=True)
    db.dispose()


if __name__ == "__main__":
    main()
