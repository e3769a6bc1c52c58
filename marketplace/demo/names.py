"""Invented names for demo cooperatives and people.

Names combine common Sundanese and Indonesian words with a regency name.
They are not taken from any register of cooperatives, but a combination may
still match a real cooperative by chance, so every demo cooperative's
description states that it is sample data.
"""

import random

from cooperatives.models import Cooperative, Region

Sector = Cooperative.Sector

NAME_WORDS = (
    "Sukamaju",
    "Mekarsari",
    "Sirnagalih",
    "Mukti Rahayu",
    "Silih Asih",
    "Sauyunan",
    "Giri Mukti",
    "Mitra Sejahtera",
    "Bina Usaha",
    "Harapan Makmur",
    "Sugih Mukti",
    "Sinar Mandiri",
    "Karya Bersama",
    "Bangkit Mandiri",
    "Rancage",
    "Tunas Harapan",
)

PRODUCER_PREFIXES = {
    Sector.AGRICULTURE: "Koperasi Tani",
    Sector.PLANTATION: "Koperasi Pekebun",
    Sector.FISHERIES: "Koperasi Nelayan",
    Sector.CRAFTS: "Koperasi Perajin",
    Sector.FASHION: "Koperasi Perajin",
    Sector.PROCESSED_FOOD: "Koperasi Produsen",
    Sector.CREATIVE: "Koperasi Industri Kreatif",
}
CONSUMER_PREFIXES = ("Koperasi Konsumen", "Koperasi Karyawan", "Koperasi Warga")

# Sundanese names carry no family name, so a person gets two given names of
# the same gender, as is common in West Java.
MALE_NAMES = (
    "Asep",
    "Dadang",
    "Ujang",
    "Cecep",
    "Dedi",
    "Agus",
    "Wawan",
    "Jajang",
    "Iwan",
    "Ade",
)
MALE_SECOND_NAMES = (
    "Saepudin",
    "Suryana",
    "Hidayat",
    "Permana",
    "Sumarna",
    "Ruhiyat",
    "Setiawan",
    "Supriatna",
    "Sobari",
)
FEMALE_NAMES = ("Euis", "Neneng", "Iis", "Yati", "Lilis", "Nining", "Tati", "Enok")
FEMALE_SECOND_NAMES = (
    "Rohayati",
    "Komalasari",
    "Nurjanah",
    "Kurniasih",
    "Maryani",
    "Wulandari",
    "Rahmawati",
)


def place_name(region: Region) -> str:
    """Return the regency name without "Kabupaten"; cities keep "Kota"."""
    return region.name.removeprefix("Kabupaten ")


def cooperative_name(prefix: str, *, region: Region, index: int, offset: int) -> str:
    """Return an invented cooperative name, distinct per (prefix, region, index).

    offset shifts the word list per regency so that neighbouring regencies
    do not all start with the same word.
    """
    word = NAME_WORDS[(index + offset) % len(NAME_WORDS)]
    name = f"{prefix} {word} {place_name(region)}"
    if index >= len(NAME_WORDS):
        name += f" {index // len(NAME_WORDS) + 1}"
    return name


def person_name(rng: random.Random) -> tuple[str, str]:
    """Return an invented (first name, last name) pair."""
    if rng.random() < 0.5:
        return rng.choice(MALE_NAMES), rng.choice(MALE_SECOND_NAMES)
    return rng.choice(FEMALE_NAMES), rng.choice(FEMALE_SECOND_NAMES)
