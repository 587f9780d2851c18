-- Stable codes for the structure import (docs/structure-file.md): safety houses and casustafels get
-- the code of the structure file, municipalities their CBS gemeentecode. Existing rows are backfilled
-- from the shipped Oost-Nederland file by name; a row the file does not name gets a placeholder code
-- (`legacy-<id>`), which the structure import replaces by the code of a file entry of the same name.
ALTER TABLE "case_tables" ADD COLUMN "code" text;--> statement-breakpoint
ALTER TABLE "municipalities" ADD COLUMN "cbs_code" text;--> statement-breakpoint
ALTER TABLE "safety_houses" ADD COLUMN "code" text;--> statement-breakpoint
UPDATE "safety_houses" h SET "code" = v.code FROM (VALUES
  ('Zorg- en Veiligheidshuis regio Arnhem', 'zvh-arnhem'),
  ('Veiligheidshuis West-Veluwe Vallei', 'vh-west-veluwe-vallei'),
  ('Zorg- en Veiligheidshuis Gelderland-Zuid', 'zvh-gelderland-zuid'),
  ('Zorg- en Veiligheidshuis Noord- en Oost-Gelderland', 'zvh-noord-oost-gelderland'),
  ('Zorg- en Veiligheidshuis IJsselland', 'zvh-ijsselland'),
  ('Zorg- en Veiligheidshuis Twente', 'zvh-twente')
) AS v(name, code) WHERE h."name" = v.name;--> statement-breakpoint
UPDATE "municipalities" m SET "cbs_code" = v.code FROM (VALUES
  ('Aalten', 'GM0197'),
  ('Almelo', 'GM0141'),
  ('Apeldoorn', 'GM0200'),
  ('Arnhem', 'GM0202'),
  ('Barneveld', 'GM0203'),
  ('Berg en Dal', 'GM1945'),
  ('Berkelland', 'GM1859'),
  ('Beuningen', 'GM0209'),
  ('Borne', 'GM0147'),
  ('Bronckhorst', 'GM1876'),
  ('Brummen', 'GM0213'),
  ('Buren', 'GM0214'),
  ('Culemborg', 'GM0216'),
  ('Dalfsen', 'GM0148'),
  ('Deventer', 'GM0150'),
  ('Dinkelland', 'GM1774'),
  ('Doesburg', 'GM0221'),
  ('Doetinchem', 'GM0222'),
  ('Druten', 'GM0225'),
  ('Duiven', 'GM0226'),
  ('Ede', 'GM0228'),
  ('Elburg', 'GM0230'),
  ('Enschede', 'GM0153'),
  ('Epe', 'GM0232'),
  ('Ermelo', 'GM0233'),
  ('Haaksbergen', 'GM0158'),
  ('Hardenberg', 'GM0160'),
  ('Harderwijk', 'GM0243'),
  ('Hattem', 'GM0244'),
  ('Heerde', 'GM0246'),
  ('Hellendoorn', 'GM0163'),
  ('Hengelo', 'GM0164'),
  ('Heumen', 'GM0252'),
  ('Hof van Twente', 'GM1735'),
  ('Kampen', 'GM0166'),
  ('Lingewaard', 'GM1705'),
  ('Lochem', 'GM0262'),
  ('Losser', 'GM0168'),
  ('Maasdriel', 'GM0263'),
  ('Montferland', 'GM1955'),
  ('Mook en Middelaar', 'GM0944'),
  ('Neder-Betuwe', 'GM1740'),
  ('Nijkerk', 'GM0267'),
  ('Nijmegen', 'GM0268'),
  ('Nunspeet', 'GM0302'),
  ('Oldebroek', 'GM0269'),
  ('Oldenzaal', 'GM0173'),
  ('Olst-Wijhe', 'GM1773'),
  ('Ommen', 'GM0175'),
  ('Oost Gelre', 'GM1586'),
  ('Oude IJsselstreek', 'GM1509'),
  ('Overbetuwe', 'GM1734'),
  ('Putten', 'GM0273'),
  ('Raalte', 'GM0177'),
  ('Renkum', 'GM0274'),
  ('Rheden', 'GM0275'),
  ('Rijssen-Holten', 'GM1742'),
  ('Rozendaal', 'GM0277'),
  ('Scherpenzeel', 'GM0279'),
  ('Staphorst', 'GM0180'),
  ('Steenwijkerland', 'GM1708'),
  ('Tiel', 'GM0281'),
  ('Tubbergen', 'GM0183'),
  ('Twenterand', 'GM1700'),
  ('Voorst', 'GM0285'),
  ('Wageningen', 'GM0289'),
  ('West Betuwe', 'GM1960'),
  ('West Maas en Waal', 'GM0668'),
  ('Westervoort', 'GM0293'),
  ('Wierden', 'GM0189'),
  ('Wijchen', 'GM0296'),
  ('Winterswijk', 'GM0294'),
  ('Zaltbommel', 'GM0297'),
  ('Zevenaar', 'GM0299'),
  ('Zutphen', 'GM0301'),
  ('Zwartewaterland', 'GM1896'),
  ('Zwolle', 'GM0193')
) AS v(name, code) WHERE m."name" = v.name;--> statement-breakpoint
UPDATE "case_tables" c SET "code" = v.code FROM (VALUES
  ('Casustafel Radicalisering Arnhem', 'casustafel-arnhem'),
  ('Casustafel Radicalisering Ede', 'casustafel-ede'),
  ('Casustafel Radicalisering Nijmegen', 'casustafel-nijmegen'),
  ('Casustafel Radicalisering Apeldoorn', 'casustafel-apeldoorn'),
  ('Casustafel Radicalisering Zwolle', 'casustafel-zwolle'),
  ('Casustafel Radicalisering Hengelo', 'casustafel-hengelo')
) AS v(name, code) WHERE c."name" = v.name;--> statement-breakpoint
UPDATE "safety_houses" SET "code" = 'legacy-' || "id" WHERE "code" IS NULL;--> statement-breakpoint
UPDATE "municipalities" SET "cbs_code" = 'legacy-' || "id" WHERE "cbs_code" IS NULL;--> statement-breakpoint
UPDATE "case_tables" SET "code" = 'legacy-' || "id" WHERE "code" IS NULL;--> statement-breakpoint
ALTER TABLE "case_tables" ALTER COLUMN "code" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "municipalities" ALTER COLUMN "cbs_code" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "safety_houses" ALTER COLUMN "code" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "case_tables" ADD CONSTRAINT "case_tables_code_unique" UNIQUE("code");--> statement-breakpoint
ALTER TABLE "municipalities" ADD CONSTRAINT "municipalities_cbs_code_unique" UNIQUE("cbs_code");--> statement-breakpoint
ALTER TABLE "safety_houses" ADD CONSTRAINT "safety_houses_code_unique" UNIQUE("code");
